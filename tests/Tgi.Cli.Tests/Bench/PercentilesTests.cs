// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli.Bench;

namespace Tgi.Cli.Tests.Bench;

public class PercentilesTests
{
    [Test]
    public async Task Of_OneToHundred_InterpolatesBetweenRanks()
    {
        List<double> samples = [.. Enumerable.Range(1, 100).Select(static i => (double)i)];

        await Assert.That(Percentiles.Of(samples, 50)).IsEqualTo(50.5);
        await Assert.That(Percentiles.Of(samples, 0)).IsEqualTo(1.0);
        await Assert.That(Percentiles.Of(samples, 100)).IsEqualTo(100.0);
        await Assert.That(Percentiles.Of(samples, 99)).IsEqualTo(99.01);
    }

    [Test]
    public async Task Of_NoSamples_IsNull()
    {
        await Assert.That(Percentiles.Of([], 50)).IsNull();
    }

    [Test]
    public async Task Of_OneSample_IsThatSample()
    {
        await Assert.That(Percentiles.Of([7.5], 90)).IsEqualTo(7.5);
    }

    [Test]
    public async Task LatencySummary_UnsortedSamples_AreSortedFirst()
    {
        var summary = new LatencySummary([30, 10, 20]);

        await Assert.That(summary.P50).IsEqualTo(20.0);
        await Assert.That(summary.Count).IsEqualTo(3);
    }
}
