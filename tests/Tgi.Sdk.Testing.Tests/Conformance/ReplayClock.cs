// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing.Tests.Conformance;

/// <summary>A clock that answers the recorded <c>created</c> values in order (one read per chunk), then repeats the last.</summary>
internal sealed class ReplayClock(IReadOnlyList<long> seconds) : TimeProvider
{
    private int _next;

    public override DateTimeOffset GetUtcNow()
    {
        int index = Math.Min(Interlocked.Increment(ref _next) - 1, seconds.Count - 1);
        return DateTimeOffset.FromUnixTimeSeconds(seconds[index]);
    }
}
