// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli.Bench;
using Tgi.Cli.Tests.Support;
using Tgi.Sdk;
using Tgi.Sdk.Testing;

namespace Tgi.Cli.Tests.Bench;

public class BenchRunnerTests
{
    [Test]
    public async Task RunAsync_CutShortMidStream_ReportsTheLiveTokenCount()
    {
        // Two streams that stall after 3 tokens each; Ctrl+C then cuts them. The live counter saw 6 tokens, and the
        // final report must say the same (it used to count only finished requests: 0).
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" t", 100) });
        tgi.Faults.StallAfterTokens = 3;
        var client = new TgiClient(tgi.BaseAddress);
        var recorder = new BenchRecorder();
        var settings = new BenchSettings { Concurrency = 2, Requests = 2 };
        using var cts = new CancellationTokenSource();

        Task<BenchResult> running = BenchRunner.RunAsync(client, settings, recorder, cts.Token);
        await Tool.WaitUntilAsync(() => recorder.LiveTokens >= 6, "both streams to deliver 3 tokens");
        await cts.CancelAsync();
        BenchResult result = await running.WaitAsync(TimeSpan.FromMinutes(2));

        await Assert.That(result.Cancelled).IsTrue();
        await Assert.That(result.Succeeded).IsEqualTo(0);
        await Assert.That(result.Tokens).IsEqualTo(6);
        await Assert.That(result.Tokens).IsEqualTo(recorder.LiveTokens);
        await Assert.That(BenchProgress.Line(recorder, settings, TimeSpan.FromSeconds(1))).Contains(" 6 tokens");
    }

    [Test]
    public async Task Histogram_Samples_TenBucketsFromMinToMax()
    {
        List<double> samples = [.. Enumerable.Range(1, 100).Select(static i => (double)i)];

        IReadOnlyList<(double UpperMs, int Count)> buckets = Histogram.Of(samples);

        await Assert.That(buckets.Count).IsEqualTo(10);
        await Assert.That(buckets.Sum(static b => b.Count)).IsEqualTo(100);
        await Assert.That(buckets[^1].UpperMs).IsEqualTo(100);
        await Assert.That(buckets[0].Count).IsEqualTo(10);
    }

    [Test]
    public async Task Histogram_OneValue_OneBucket()
    {
        IReadOnlyList<(double UpperMs, int Count)> buckets = Histogram.Of([3, 3, 3]);

        await Assert.That(buckets.Count).IsEqualTo(1);
        await Assert.That(buckets[0].Count).IsEqualTo(3);
        await Assert.That(Histogram.Of([]).Count).IsEqualTo(0);
    }

    [Test]
    public async Task LatencySummary_HasMeanMinMax()
    {
        var summary = new LatencySummary([4, 1, 7]);

        await Assert.That(summary.Mean).IsEqualTo(4);
        await Assert.That(summary.Min).IsEqualTo(1);
        await Assert.That(summary.Max).IsEqualTo(7);
        await Assert.That(new LatencySummary([]).Mean).IsNull();
    }
}
