// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>Pacing for non-stream responses: the time to first token plus the time the other tokens would take.</summary>
internal static class Pacing
{
    public static async Task DelayForAsync(FaultSnapshot faults, int tokens, CancellationToken aborted, CancellationToken stopping)
    {
        TimeSpan delay = faults.TimeToFirstToken ?? TimeSpan.Zero;
        if (faults.TokensPerSecond is { } rate && rate > 0 && tokens > 1)
        {
            delay += TimeSpan.FromSeconds((tokens - 1) / rate);
        }

        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        try
        {
            await Task.Delay(delay, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client left; the write that follows fails quietly.
        }
    }
}
