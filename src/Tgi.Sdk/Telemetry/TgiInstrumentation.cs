// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tgi.Sdk.Telemetry;

/// <summary>The SDK's activity source and GenAI client instruments, created once per process.</summary>
internal static class TgiInstrumentation
{
    private static readonly string? s_version = typeof(TgiInstrumentation).Assembly.GetName().Version?.ToString(3);

    // The GenAI conventions' advised boundaries for durations in seconds (operation duration, time to first chunk).
    private static readonly double[] s_secondsBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

    /// <summary>Gets the activity source.</summary>
    public static ActivitySource Source { get; } = new(TgiTelemetry.ActivitySourceName, s_version);

    /// <summary>Gets the meter.</summary>
    public static Meter Meter { get; } = new(TgiTelemetry.MeterName, s_version);

    /// <summary>Gets <c>gen_ai.client.operation.duration</c>, in seconds.</summary>
    public static Histogram<double> OperationDuration { get; } = Meter.CreateHistogram(
        "gen_ai.client.operation.duration",
        unit: "s",
        description: "GenAI operation duration.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_secondsBuckets });

    /// <summary>Gets <c>gen_ai.client.token.usage</c>, in tokens, tagged with <c>gen_ai.token.type</c>.</summary>
    public static Histogram<long> TokenUsage { get; } = Meter.CreateHistogram(
        "gen_ai.client.token.usage",
        unit: "{token}",
        description: "Measures number of input and output tokens used.",
        tags: null,
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864] });

    /// <summary>Gets <c>gen_ai.client.operation.time_to_first_chunk</c>, in seconds (streams only).</summary>
    public static Histogram<double> TimeToFirstChunk { get; } = Meter.CreateHistogram(
        "gen_ai.client.operation.time_to_first_chunk",
        unit: "s",
        description: "Time to receive the first chunk, from when the client issues the generation request.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_secondsBuckets });

    /// <summary>Gets a value indicating whether anyone listens (a span or any instrument); when not, nothing is recorded.</summary>
    public static bool IsEnabled => Source.HasListeners() || OperationDuration.Enabled || TokenUsage.Enabled || TimeToFirstChunk.Enabled;
}
