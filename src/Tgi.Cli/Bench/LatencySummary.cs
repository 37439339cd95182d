// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Cli.Bench;

/// <summary>Mean, min, max, p50, p90 and p99 of a set of latency samples, in milliseconds (null when there were none).</summary>
internal sealed class LatencySummary
{
    /// <summary>Initializes a new instance from samples.</summary>
    /// <param name="samples">The samples in milliseconds; sorted in place.</param>
    public LatencySummary(List<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        samples.Sort();
        Sorted = samples;
        Count = samples.Count;
        Mean = samples.Count == 0 ? null : samples.Average();
        Min = samples.Count == 0 ? null : samples[0];
        Max = samples.Count == 0 ? null : samples[^1];
        P50 = Percentiles.Of(samples, 50);
        P90 = Percentiles.Of(samples, 90);
        P99 = Percentiles.Of(samples, 99);
    }

    /// <summary>Gets the number of samples.</summary>
    public int Count { get; }

    /// <summary>Gets the samples, sorted ascending.</summary>
    public IReadOnlyList<double> Sorted { get; }

    /// <summary>Gets the mean.</summary>
    public double? Mean { get; }

    /// <summary>Gets the smallest sample.</summary>
    public double? Min { get; }

    /// <summary>Gets the largest sample.</summary>
    public double? Max { get; }

    /// <summary>Gets the median.</summary>
    public double? P50 { get; }

    /// <summary>Gets the 90th percentile.</summary>
    public double? P90 { get; }

    /// <summary>Gets the 99th percentile.</summary>
    public double? P99 { get; }
}
