// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli.Tests.Support;
using Tgi.Sdk.Testing;

namespace Tgi.Cli.Tests.Commands;

public class IntrospectionCommandTests
{
    [Test]
    public async Task Info_PrintsModelAndLimits()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ModelId = "acme/test-model", MaxTotalTokens = 4096 });

        CliRun run = await Tool.RunAsync(["info", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).Contains("acme/test-model");
        await Assert.That(run.Out).Contains("max_total_tokens");
        await Assert.That(run.Out).Contains("4096");
    }

    [Test]
    public async Task Models_PrintsServedModel()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ModelId = "acme/listed" });

        CliRun run = await Tool.RunAsync(["models", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).Contains("acme/listed");
    }

    [Test]
    public async Task Metrics_AfterARequest_PrintsPrometheusSamples()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        await Tool.RunAsync(["generate", "x", "--url", tgi.BaseAddress.ToString()]);

        CliRun run = await Tool.RunAsync(["metrics", "--url", tgi.BaseAddress.ToString()]);
        CliRun filtered = await Tool.RunAsync(["metrics", "--filter", "generated_tokens", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).Contains("tgi_request_generated_tokens");
        await Assert.That(filtered.Out).DoesNotContain("tgi_queue_size");
        await Assert.That(filtered.Out).Contains("# 1 sample(s)");
    }

    [Test]
    public async Task Tokenize_PrintsTokensWithOffsets()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        CliRun run = await Tool.RunAsync(["tokenize", "Hello world", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).Contains("\"Hello\"");
        await Assert.That(run.Out).Contains("\" world\"");
        await Assert.That(run.Out).Contains("5..11");
        await Assert.That(run.Out).Contains("3 tokens");
    }

    [Test]
    public async Task Health_HealthyServer_ExitsZero()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        CliRun run = await Tool.RunAsync(["health", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).StartsWith("healthy");
    }

    [Test]
    public async Task Health_UnhealthyServer_ExitsOne()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        tgi.IsHealthy = false;

        CliRun run = await Tool.RunAsync(["health", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(1);
        await Assert.That(run.Out).StartsWith("unhealthy");
    }

    [Test]
    public async Task Health_UnreachableServer_ExitsOneWithMessage()
    {
        int port = Tool.ClosedPort();

        CliRun run = await Tool.RunAsync(["health", "--url", $"http://127.0.0.1:{port}"]);

        await Assert.That(run.ExitCode).IsEqualTo(1);
        await Assert.That(run.Error).StartsWith("error: transport:");
    }
}
