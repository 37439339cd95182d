// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
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

    [Test]
    public async Task Info_OutputJson_IsOneDocumentWithTgiFieldNames()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ModelId = "acme/json", MaxTotalTokens = 4096 });

        CliRun run = await Tool.RunAsync(["info", "-o", "json", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        using JsonDocument json = JsonDocument.Parse(run.Out);
        await Assert.That(json.RootElement.GetProperty("model_id").GetString()).IsEqualTo("acme/json");
        await Assert.That(json.RootElement.GetProperty("max_total_tokens").GetInt32()).IsEqualTo(4096);
    }

    [Test]
    public async Task Models_OutputJson_ListsTheModel()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ModelId = "acme/listed" });

        CliRun run = await Tool.RunAsync(["models", "--output", "json", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        using JsonDocument json = JsonDocument.Parse(run.Out);
        await Assert.That(json.RootElement[0].GetProperty("id").GetString()).IsEqualTo("acme/listed");
    }

    [Test]
    public async Task Tokenize_OutputJson_HasTgisTokenShape()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        CliRun run = await Tool.RunAsync(["tokenize", "Hello world", "-o", "json", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        using JsonDocument json = JsonDocument.Parse(run.Out);
        await Assert.That(json.RootElement.GetArrayLength()).IsEqualTo(3);
        JsonElement world = json.RootElement.EnumerateArray().Single(static t => t.GetProperty("text").GetString() == " world");
        await Assert.That(world.GetProperty("start").GetInt32()).IsEqualTo(5);
        await Assert.That(world.GetProperty("stop").GetInt32()).IsEqualTo(11);
    }

    [Test]
    [Arguments(true)]
    [Arguments(false)]
    public async Task Health_OutputJson_SaysHealthyAndKeepsTheExitCode(bool healthy)
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        tgi.IsHealthy = healthy;

        CliRun run = await Tool.RunAsync(["health", "-o", "json", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(healthy ? 0 : 1);
        using JsonDocument json = JsonDocument.Parse(run.Out);
        await Assert.That(json.RootElement.GetProperty("healthy").GetBoolean()).IsEqualTo(healthy);
    }

    [Test]
    public async Task Metrics_OutputJson_IsAnArrayOfSamples()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        await Tool.RunAsync(["generate", "x", "--url", tgi.BaseAddress.ToString()]);

        CliRun run = await Tool.RunAsync(["metrics", "-o", "json", "--filter", "generated_tokens", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        using JsonDocument json = JsonDocument.Parse(run.Out);
        await Assert.That(json.RootElement.GetArrayLength()).IsEqualTo(1);
        await Assert.That(json.RootElement[0].GetProperty("name").GetString()).Contains("generated_tokens");
        await Assert.That(json.RootElement[0].GetProperty("labels").ValueKind).IsEqualTo(JsonValueKind.Object);
    }

    [Test]
    public async Task Output_BadFormat_ExitsTwo()
    {
        CliRun run = await Tool.RunAsync(["info", "-o", "yaml", "--url", "http://127.0.0.1:1"]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
        await Assert.That(run.Error).Contains("yaml");
    }

    [Test]
    [Arguments("info")]
    [Arguments("models")]
    [Arguments("tokenize")]
    public async Task Redirected_PrintsPlainLinesWithoutBoxDrawing(string command)
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ModelId = "acme/plain", MaxTotalTokens = 4096 });
        string[] args = command == "tokenize" ? [command, "Hello world"] : [command];

        CliRun redirected = await Tool.RunAsync([.. args, "--url", tgi.BaseAddress.ToString()], outputIsTerminal: false);
        CliRun terminal = await Tool.RunAsync([.. args, "--url", tgi.BaseAddress.ToString()], outputIsTerminal: true);

        await Assert.That(redirected.ExitCode).IsEqualTo(0);
        await Assert.That(redirected.Out.Any(static c => c is >= '\u2500' and <= '\u257F')).IsFalse();
        await Assert.That(terminal.Out.Any(static c => c is >= '\u2500' and <= '\u257F')).IsTrue();
        string expected = command switch
        {
            "info" => "max_total_tokens: 4096",
            "models" => "acme/plain\t",
            _ => "2\t",
        };
        await Assert.That(redirected.Out).Contains(expected);
    }
}
