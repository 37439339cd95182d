// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using Tgi.Cli.Output;

namespace Tgi.Cli.Bench;

/// <summary>
/// Live progress on stderr while a benchmark runs: one line redrawn in place on a terminal, or a plain line every
/// few seconds when stderr is redirected (logs stay readable).
/// </summary>
internal static class BenchProgress
{
    /// <summary>Shows progress until <paramref name="stop"/> is cancelled.</summary>
    /// <param name="recorder">The live counters.</param>
    /// <param name="settings">The settings (for the target).</param>
    /// <param name="error">stderr.</param>
    /// <param name="interactive">Whether stderr is a terminal.</param>
    /// <param name="stop">Cancelled when the run ends.</param>
    /// <returns>A task that completes after the last line.</returns>
    public static async Task RunAsync(BenchRecorder recorder, BenchSettings settings, TextWriter error, bool interactive, CancellationToken stop)
    {
        long begin = Stopwatch.GetTimestamp();
        TimeSpan interval = interactive ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(2);
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                string line = Line(recorder, settings, Stopwatch.GetElapsedTime(begin));
                await error.WriteAsync(interactive ? "\r" + line.PadRight(100) : line + Environment.NewLine).ConfigureAwait(false);
                await error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }

        string last = Line(recorder, settings, Stopwatch.GetElapsedTime(begin));
        await error.WriteAsync((interactive ? "\r" + last.PadRight(100) : last) + Environment.NewLine).ConfigureAwait(false);
    }

    /// <summary>Formats one progress line.</summary>
    /// <param name="recorder">The live counters.</param>
    /// <param name="settings">The settings.</param>
    /// <param name="elapsed">The time so far.</param>
    /// <returns>The line.</returns>
    public static string Line(BenchRecorder recorder, BenchSettings settings, TimeSpan elapsed)
    {
        int done = recorder.Succeeded;
        string target = settings.Requests is { } r ? $"/{TextFormat.Integer(r)}" : string.Empty;
        double seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        return $"bench {TextFormat.Number(elapsed.TotalSeconds)}s: {TextFormat.Integer(done)}{target} requests done, "
            + $"{TextFormat.Integer(recorder.Failed)} failed, {TextFormat.Integer(recorder.LiveTokens)} tokens "
            + $"({TextFormat.Number(recorder.LiveTokens / seconds)} tok/s)";
    }
}
