// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Cli.Bench;

/// <summary>A latency histogram as <c>oha</c> prints it: equal-width buckets from the smallest to the largest sample.</summary>
internal static class Histogram
{
    /// <summary>The number of buckets.</summary>
    public const int Buckets = 10;

    /// <summary>Builds the histogram.</summary>
    /// <param name="sorted">The samples, sorted ascending.</param>
    /// <returns>Each bucket's upper bound (milliseconds) and count; empty without samples.</returns>
    public static IReadOnlyList<(double UpperMs, int Count)> Of(IReadOnlyList<double> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return [];
        }

        double min = sorted[0];
        double max = sorted[^1];
        if (max <= min)
        {
            return [(max, sorted.Count)];
        }

        double width = (max - min) / Buckets;
        var counts = new int[Buckets];
        foreach (double sample in sorted)
        {
            counts[Math.Min(Buckets - 1, (int)((sample - min) / width))]++;
        }

        var buckets = new (double, int)[Buckets];
        for (int i = 0; i < Buckets; i++)
        {
            buckets[i] = (i == Buckets - 1 ? max : min + (width * (i + 1)), counts[i]);
        }

        return buckets;
    }
}
