// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Cli.Bench;

/// <summary>The outcome of a benchmark run.</summary>
internal sealed class BenchResult
{
    /// <summary>Initializes a new instance from what the recorder collected.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="endpoint">The server.</param>
    /// <param name="elapsed">The wall time of the run.</param>
    /// <param name="recorder">The samples.</param>
    /// <param name="cancelled">Whether the run was cut short with Ctrl+C.</param>
    /// <param name="stoppedEarly">Why the run stopped before its limit (the server is unreachable), or null.</param>
    public BenchResult(BenchSettings settings, Uri endpoint, TimeSpan elapsed, BenchRecorder recorder, bool cancelled, string? stoppedEarly = null)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        Settings = settings;
        Endpoint = endpoint;
        Elapsed = elapsed;
        Cancelled = cancelled;
        List<RequestSample> samples = recorder.Samples();
        Errors = recorder.Errors();
        Succeeded = samples.Count;
        Failed = Errors.Values.Sum();
        Statuses = recorder.Statuses();
        StoppedEarly = stoppedEarly;

        // The same counter the live progress shows: streams cut at the deadline or failed mid-way count too.
        Tokens = recorder.LiveTokens;
        double seconds = Math.Max(elapsed.TotalSeconds, 1e-9);
        RequestsPerSecond = Succeeded / seconds;
        TokensPerSecond = Tokens / seconds;
        List<double> perStream = [.. samples.Where(static s => s.LatencyMs > 0).Select(static s => s.Tokens / (s.LatencyMs / 1000))];
        TokensPerSecondPerStream = perStream.Count == 0 ? null : perStream.Average();
        TimeToFirstToken = new LatencySummary([.. samples.Where(static s => s.TimeToFirstTokenMs.HasValue).Select(static s => s.TimeToFirstTokenMs!.Value)]);
        InterTokenLatency = new LatencySummary([.. samples.SelectMany(static s => s.InterTokenMs)]);
        Latency = new LatencySummary([.. samples.Select(static s => s.LatencyMs)]);
    }

    /// <summary>Gets the settings.</summary>
    public BenchSettings Settings { get; }

    /// <summary>Gets the server.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the wall time.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Gets a value indicating whether Ctrl+C cut the run short.</summary>
    public bool Cancelled { get; }

    /// <summary>Gets why the run stopped before its limit, or null when it did not.</summary>
    public string? StoppedEarly { get; }

    /// <summary>Gets the HTTP status counts (successes as 200; failures with no answer are not counted).</summary>
    public SortedDictionary<int, int> Statuses { get; }

    /// <summary>Gets the completed requests.</summary>
    public int Succeeded { get; }

    /// <summary>Gets the failed requests.</summary>
    public int Failed { get; }

    /// <summary>Gets every token received, from completed requests and from streams cut short.</summary>
    public long Tokens { get; }

    /// <summary>Gets completed requests per second.</summary>
    public double RequestsPerSecond { get; }

    /// <summary>Gets tokens per second over all streams.</summary>
    public double TokensPerSecond { get; }

    /// <summary>Gets the mean tokens per second of one stream (its tokens over its latency).</summary>
    public double? TokensPerSecondPerStream { get; }

    /// <summary>Gets the time to first token.</summary>
    public LatencySummary TimeToFirstToken { get; }

    /// <summary>Gets the gap between tokens.</summary>
    public LatencySummary InterTokenLatency { get; }

    /// <summary>Gets the request latency.</summary>
    public LatencySummary Latency { get; }

    /// <summary>Gets the failures by TGI error type.</summary>
    public SortedDictionary<string, int> Errors { get; }
}
