// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Cli.Bench;

/// <summary>Percentiles of recorded samples (linear interpolation between closest ranks).</summary>
internal static class Percentiles
{
    /// <summary>Computes one percentile of samples sorted ascending.</summary>
    /// <param name="sorted">The samples, sorted.</param>
    /// <param name="percentile">The percentile, 0 to 100.</param>
    /// <returns>The value, or null when there are no samples.</returns>
    public static double? Of(IReadOnlyList<double> sorted, double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (sorted.Count == 0)
        {
            return null;
        }

        double rank = percentile / 100 * (sorted.Count - 1);
        int lower = (int)Math.Floor(rank);
        int upper = (int)Math.Ceiling(rank);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));
    }
}
