// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Cli.Tests.Support;
using Tgi.Sdk.Testing;

namespace Tgi.Cli.Tests.Bench;

public class BenchCommandTests
{
    [Test]
    public async Task Bench_JsonToStdout_HasEveryFieldAndCountsRequests()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" t", 8) });
        tgi.Faults.TimeToFirstToken = TimeSpan.FromMilliseconds(5);
        tgi.Faults.TokensPerSecond = 1000;

        CliRun run = await Tool.RunAsync(["bench", "--concurrency", "4", "--requests", "12", "--json", "-", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        using JsonDocument json = JsonDocument.Parse(run.Out);
        JsonElement root = json.RootElement;
        await Assert.That(root.GetProperty("requests").GetProperty("succeeded").GetInt32()).IsEqualTo(12);
        await Assert.That(root.GetProperty("requests").GetProperty("failed").GetInt32()).IsEqualTo(0);
        await Assert.That(root.GetProperty("concurrency").GetInt32()).IsEqualTo(4);
        await Assert.That(root.GetProperty("tokens").GetInt64()).IsEqualTo(12 * 9);
        await Assert.That(root.GetProperty("requests_per_second").GetDouble()).IsGreaterThan(0);
        await Assert.That(root.GetProperty("time_to_first_token_ms").GetProperty("p50").GetDouble()).IsGreaterThan(0);
        await Assert.That(root.GetProperty("time_to_first_token_ms").GetProperty("samples").GetInt32()).IsEqualTo(12);
        await Assert.That(root.GetProperty("time_to_first_token_ms").TryGetProperty("p90", out _)).IsTrue();
        await Assert.That(root.GetProperty("time_to_first_token_ms").TryGetProperty("p99", out _)).IsTrue();
        await Assert.That(root.GetProperty("inter_token_latency_ms").GetProperty("samples").GetInt32()).IsEqualTo(12 * 8);
        await Assert.That(root.GetProperty("inter_token_latency_ms").TryGetProperty("p99", out _)).IsTrue();
        await Assert.That(root.GetProperty("tokens_per_second").GetProperty("overall").GetDouble()).IsGreaterThan(0);
        await Assert.That(root.GetProperty("tokens_per_second").GetProperty("per_stream").GetDouble()).IsGreaterThan(0);
        await Assert.That(root.GetProperty("errors").EnumerateObject().Count()).IsEqualTo(0);
        await Assert.That(run.Error).Contains("time to first token");
        await Assert.That(run.Error).Contains("bench ");
        await Assert.That(tgi.ReceivedRequests.Count).IsEqualTo(12);
    }

    [Test]
    public async Task Bench_OverloadedServer_GroupsErrorsByTgiErrorType()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        tgi.Faults.OverloadNextRequests = 3;
        tgi.Faults.FailNextRequestsWithGenerationError = 2;

        CliRun run = await Tool.RunAsync(["bench", "--concurrency", "1", "--requests", "10", "--json", "-", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        using JsonDocument json = JsonDocument.Parse(run.Out);
        JsonElement errors = json.RootElement.GetProperty("errors");
        await Assert.That(errors.GetProperty("overloaded").GetInt32()).IsEqualTo(3);
        await Assert.That(errors.GetProperty("generation").GetInt32()).IsEqualTo(2);
        await Assert.That(json.RootElement.GetProperty("requests").GetProperty("succeeded").GetInt32()).IsEqualTo(5);
        await Assert.That(run.Error).Contains("errors: overloaded");
    }

    [Test]
    public async Task Bench_JsonFile_WritesFileAndTableToStdout()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        string path = Path.Combine(Path.GetTempPath(), $"tgi-bench-{Guid.NewGuid():N}.json");

        CliRun run = await Tool.RunAsync(["bench", "--requests", "4", "--route", "chat", "--json", path, "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).Contains("requests/s");
        using JsonDocument json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        await Assert.That(json.RootElement.GetProperty("route").GetString()).IsEqualTo("chat");
        await Assert.That(json.RootElement.GetProperty("requests").GetProperty("succeeded").GetInt32()).IsEqualTo(4);
        await Assert.That(tgi.ReceivedRequests[0].Path).IsEqualTo("/v1/chat/completions");
    }

    [Test]
    public async Task Bench_Duration_StopsAndReports()
    {
        // Only that the run stops at its deadline and reports: how many requests a loaded machine finishes in 300 ms is
        // not this test's business (zero is a valid outcome, reported as such).
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" t", 4) });
        tgi.Faults.TokensPerSecond = 200;

        CliRun run = await Tool.RunAsync(["bench", "--concurrency", "2", "--duration", "300ms", "--json", "-", "--url", tgi.BaseAddress.ToString()]);

        using JsonDocument json = JsonDocument.Parse(run.Out);
        int succeeded = json.RootElement.GetProperty("requests").GetProperty("succeeded").GetInt32();
        await Assert.That(json.RootElement.GetProperty("cancelled").GetBoolean()).IsFalse();
        await Assert.That(json.RootElement.GetProperty("requests").GetProperty("failed").GetInt32()).IsEqualTo(0);
        await Assert.That(json.RootElement.GetProperty("duration_s").GetDouble()).IsLessThanOrEqualTo(0.3);
        await Assert.That(run.Error).Contains("requests/s");
        if (succeeded > 0)
        {
            await Assert.That(run.ExitCode).IsEqualTo(0);
        }
        else
        {
            await Assert.That(run.ExitCode).IsEqualTo(1);
            await Assert.That(run.Error).Contains("no request finished before the run ended");
        }
    }

    [Test]
    public async Task Bench_StreamsStalled_StopsAtTheDeadlineWithNoRequestFinished()
    {
        // Streams that never end: the deadline closes them, and the report says nothing finished (exit 1).
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" t", 100) });
        tgi.Faults.StallAfterTokens = 1;

        CliRun run = await Tool.RunAsync(["bench", "--concurrency", "2", "--duration", "1s", "--json", "-", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(1);
        await Assert.That(run.Error).Contains("no request finished before the run ended");
        using JsonDocument json = JsonDocument.Parse(run.Out);
        await Assert.That(json.RootElement.GetProperty("requests").GetProperty("succeeded").GetInt32()).IsEqualTo(0);
        await Assert.That(json.RootElement.GetProperty("cancelled").GetBoolean()).IsFalse();
    }

    [Test]
    public async Task Bench_DeadServer_StopsAfterAFewTransportFailuresInARow()
    {
        // Without the stop, 4 workers would fire all 10,000 requests at a closed port within moments.
        CliRun run = await Tool.RunAsync(["bench", "--requests", "10000", "--concurrency", "4", "--json", "-", "--url", $"http://127.0.0.1:{Tool.ClosedPort()}"]);

        await Assert.That(run.ExitCode).IsEqualTo(1);
        using JsonDocument json = JsonDocument.Parse(run.Out);
        int failed = json.RootElement.GetProperty("requests").GetProperty("failed").GetInt32();

        // At most one more failure per other worker whose request was already under way.
        await Assert.That(failed).IsBetween(5, 5 + 3);
        await Assert.That(json.RootElement.GetProperty("errors").GetProperty("transport").GetInt32()).IsEqualTo(failed);
        await Assert.That(json.RootElement.GetProperty("stopped_early").GetString()).Contains("5 transport failures in a row");
        await Assert.That(run.Error).Contains("error: stopped after 5 transport failures in a row; the last: transport:");
    }

    [Test]
    public async Task Bench_Report_HasMeanMinMaxHistogramAndStatusCounts()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" t", 4) });
        tgi.Faults.OverloadNextRequests = 2;

        CliRun run = await Tool.RunAsync(["bench", "--concurrency", "1", "--requests", "8", "--json", "-", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        using JsonDocument json = JsonDocument.Parse(run.Out);
        JsonElement root = json.RootElement;
        foreach (string summary in (string[])["time_to_first_token_ms", "inter_token_latency_ms", "latency_ms"])
        {
            JsonElement s = root.GetProperty(summary);
            double min = s.GetProperty("min").GetDouble();
            double mean = s.GetProperty("mean").GetDouble();
            double max = s.GetProperty("max").GetDouble();
            await Assert.That(min).IsLessThanOrEqualTo(mean);
            await Assert.That(mean).IsLessThanOrEqualTo(max);
        }

        JsonElement histogram = root.GetProperty("latency_histogram_ms");
        await Assert.That(histogram.EnumerateArray().Sum(static b => b.GetProperty("count").GetInt32())).IsEqualTo(6);
        await Assert.That(histogram[histogram.GetArrayLength() - 1].GetProperty("le").GetDouble()).IsEqualTo(root.GetProperty("latency_ms").GetProperty("max").GetDouble());
        await Assert.That(root.GetProperty("status_codes").GetProperty("200").GetInt32()).IsEqualTo(6);
        await Assert.That(root.GetProperty("status_codes").GetProperty("429").GetInt32()).IsEqualTo(2);
        await Assert.That(run.Error).Contains("latency histogram");
        await Assert.That(run.Error).Contains("[200] 6");
        await Assert.That(run.Error).Contains("[429] 2");
        await Assert.That(run.Error).Contains("mean ");
        await Assert.That(run.Error).Contains("max ");
    }

    [Test]
    public async Task Bench_EchoedKey_NeverReachesTheReport()
    {
        const string Key = "sk-bench-echo-77ab90";
        await using var gateway = new KeyEchoServer();

        CliRun run = await Tool.RunAsync(["bench", "--requests", "3", "--concurrency", "1", "--json", "-", "--api-key", Key, "--url", gateway.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(1);
        await Assert.That(gateway.Requests).IsEqualTo(3);
        await Assert.That(run.All).DoesNotContain(Key);
        using JsonDocument json = JsonDocument.Parse(run.Out);
        await Assert.That(json.RootElement.GetProperty("errors").GetProperty("[REDACTED]").GetInt32()).IsEqualTo(3);
        await Assert.That(run.Error).Contains("Bearer [REDACTED] was refused");
    }

    [Test]
    public async Task Bench_UnreachableServer_ExitsOneWithTransportErrors()
    {
        CliRun run = await Tool.RunAsync(["bench", "--requests", "3", "--concurrency", "1", "--json", "-", "--url", $"http://127.0.0.1:{Tool.ClosedPort()}"]);

        await Assert.That(run.ExitCode).IsEqualTo(1);
        using JsonDocument json = JsonDocument.Parse(run.Out);
        await Assert.That(json.RootElement.GetProperty("errors").GetProperty("transport").GetInt32()).IsEqualTo(3);
        await Assert.That(run.Error).Contains("every request failed");
    }

    [Test]
    public async Task Bench_BadDuration_ExitsTwo()
    {
        CliRun run = await Tool.RunAsync(["bench", "--duration", "soon"]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
        await Assert.That(run.Error).Contains("--duration");
    }

    [Test]
    public async Task Bench_ZeroConcurrency_ExitsTwo()
    {
        CliRun run = await Tool.RunAsync(["bench", "--concurrency", "0", "--url", "http://127.0.0.1:1"]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
    }
}
