// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Time.Testing;

namespace Tgi.Sdk.Providers.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also says when a timer is created, so a test advances the clock only after
/// the code under test has started the wait it means to pass (advancing first would leave that wait pending forever).
/// </summary>
internal sealed class SignalingTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<(Func<TimeSpan, bool> Matches, TaskCompletionSource Created)> _waiters = [];

    public FakeTimeProvider Clock { get; } = new();

    public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

    public override long GetTimestamp() => Clock.GetTimestamp();

    public override long TimestampFrequency => Clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = Clock.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            foreach ((Func<TimeSpan, bool> matches, TaskCompletionSource created) in _waiters)
            {
                if (matches(dueTime))
                {
                    created.TrySetResult();
                }
            }
        }

        return timer;
    }

    /// <summary>Completes when a timer whose due time matches is created (from now on).</summary>
    public Task WaitForTimerAsync(Func<TimeSpan, bool> matches)
    {
        TaskCompletionSource created = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((matches, created));
        }

        return created.Task.WaitAsync(TimeSpan.FromMinutes(2));
    }
}
