// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Cli.Bench;

/// <summary>p50, p90 and p99 of a set of latency samples, in milliseconds (null when there were none).</summary>
internal sealed class LatencySummary
{
    /// <summary>Initializes a new instance from samples.</summary>
    /// <param name="samples">The samples in milliseconds; sorted in place.</param>
    public LatencySummary(List<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        samples.Sort();
        Count = samples.Count;
        P50 = Percentiles.Of(samples, 50);
        P90 = Percentiles.Of(samples, 90);
        P99 = Percentiles.Of(samples, 99);
    }

    /// <summary>Gets the number of samples.</summary>
    public int Count { get; }

    /// <summary>Gets the median.</summary>
    public double? P50 { get; }

    /// <summary>Gets the 90th percentile.</summary>
    public double? P90 { get; }

    /// <summary>Gets the 99th percentile.</summary>
    public double? P99 { get; }
}
