// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using Tgi.Sdk;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;

namespace Tgi.Cli.Bench;

/// <summary>
/// The load generator: N workers, each streaming one request after another until the request budget is spent or the
/// duration is up. Every token's arrival time is recorded, so the percentiles come from real samples.
/// </summary>
internal static class BenchRunner
{
    /// <summary>
    /// Transport failures in a row (no request reaching the server in between) after which the run stops: against a
    /// dead server each attempt fails at once, and the workers would otherwise fire thousands of requests a second.
    /// </summary>
    public const int MaxConsecutiveTransportFailures = 5;

    /// <summary>Runs a benchmark.</summary>
    /// <param name="client">The client.</param>
    /// <param name="settings">The settings.</param>
    /// <param name="recorder">Where samples go (read live by the progress display).</param>
    /// <param name="cancellationToken">Ctrl+C: stops at once and returns what completed.</param>
    /// <returns>The result.</returns>
    public static async Task<BenchResult> RunAsync(TgiClient client, BenchSettings settings, BenchRecorder recorder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Concurrency, 1);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (settings.EffectiveDuration is { } duration)
        {
            // At the deadline the streams still in flight are closed; they count neither as done nor as errors.
            stop.CancelAfter(duration);
        }

        int[] started = [0];
        long begin = Stopwatch.GetTimestamp();
        var workers = new Task<bool>[settings.Concurrency];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = WorkerAsync(client, settings, recorder, started, stop);
        }

        bool[] gaveUp = await Task.WhenAll(workers).ConfigureAwait(false);
        string? stoppedEarly = gaveUp.Any(static g => g)
            ? $"stopped after {MaxConsecutiveTransportFailures.ToString(System.Globalization.CultureInfo.InvariantCulture)} transport failures in a row; the last: {recorder.LastError}"
            : null;
        TimeSpan elapsed = Stopwatch.GetElapsedTime(begin);
        if (settings.EffectiveDuration is { } limit && elapsed > limit)
        {
            elapsed = limit;
        }

        return new BenchResult(settings, client.Endpoint, elapsed, recorder, cancellationToken.IsCancellationRequested, stoppedEarly);
    }

    /// <returns>True when this worker stopped the run because the server is unreachable.</returns>
    private static async Task<bool> WorkerAsync(TgiClient client, BenchSettings settings, BenchRecorder recorder, int[] started, CancellationTokenSource stopSource)
    {
        CancellationToken stop = stopSource.Token;
        while (!stop.IsCancellationRequested)
        {
            if (settings.Requests is { } budget && Interlocked.Increment(ref started[0]) > budget)
            {
                return false;
            }

            try
            {
                RequestSample sample = settings.Route == BenchRoute.Chat
                    ? await ChatOnceAsync(client, settings, recorder, stop).ConfigureAwait(false)
                    : await GenerateOnceAsync(client, settings, recorder, stop).ConfigureAwait(false);
                recorder.Completed(sample);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return false;
            }
            catch (TgiException e)
            {
                if (recorder.Failure(e) >= MaxConsecutiveTransportFailures && !stop.IsCancellationRequested)
                {
                    await stopSource.CancelAsync().ConfigureAwait(false);
                    return true;
                }
            }
        }

        return false;
    }

    private static async Task<RequestSample> GenerateOnceAsync(TgiClient client, BenchSettings settings, BenchRecorder recorder, CancellationToken cancellationToken)
    {
        var clock = new StreamClock(settings.MaxNewTokens, recorder);
        var options = new GenerateOptions { MaxNewTokens = settings.MaxNewTokens };
        await foreach (GenerateStreamUpdate _ in client.GenerateStreamingAsync(settings.Prompt, options, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            clock.Token();
        }

        return clock.Finish();
    }

    private static async Task<RequestSample> ChatOnceAsync(TgiClient client, BenchSettings settings, BenchRecorder recorder, CancellationToken cancellationToken)
    {
        var clock = new StreamClock(settings.MaxNewTokens, recorder);
        var options = new ChatCompletionOptions { MaxTokens = settings.MaxNewTokens, Model = settings.Model };
        await foreach (ChatCompletionUpdate update in client.ChatStreamingAsync([ChatMessage.CreateUser(settings.Prompt)], options, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // Role-only and usage chunks carry no token.
            if (!string.IsNullOrEmpty(update.ContentDelta) || update.ToolCallUpdates.Count > 0)
            {
                clock.Token();
            }
        }

        return clock.Finish();
    }
}
