// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Internal;

/// <summary>Turns the server's <c>created</c> Unix seconds into a time without throwing.</summary>
internal static class UnixTime
{
    private static readonly long s_minSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long s_maxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>Converts Unix seconds; a value no <see cref="DateTimeOffset"/> can hold reads as the epoch, as a missing one does.</summary>
    /// <param name="seconds">The seconds since 1970-01-01 UTC, as the server sent them.</param>
    /// <returns>The time, or <see cref="DateTimeOffset.UnixEpoch"/>.</returns>
    public static DateTimeOffset FromSeconds(long seconds) =>
        seconds >= s_minSeconds && seconds <= s_maxSeconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UnixEpoch;
}
