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
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" t", 4) });
        tgi.Faults.TokensPerSecond = 200;

        CliRun run = await Tool.RunAsync(["bench", "--concurrency", "2", "--duration", "300ms", "--json", "-", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        using JsonDocument json = JsonDocument.Parse(run.Out);
        await Assert.That(json.RootElement.GetProperty("requests").GetProperty("succeeded").GetInt32()).IsGreaterThan(0);
        await Assert.That(json.RootElement.GetProperty("cancelled").GetBoolean()).IsFalse();
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
