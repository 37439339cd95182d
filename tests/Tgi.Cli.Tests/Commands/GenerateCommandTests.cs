// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Cli.Tests.Support;
using Tgi.Sdk.Testing;

namespace Tgi.Cli.Tests.Commands;

public class GenerateCommandTests
{
    [Test]
    public async Task Generate_Prompt_StreamsTokensAndExitsZero()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("Hello", " world", "!") });

        CliRun run = await Tool.RunAsync(["generate", "Hi", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out.TrimEnd()).IsEqualTo("Hello world!");
        await Assert.That(tgi.ReceivedRequests[0].Path).IsEqualTo("/generate_stream");
    }

    [Test]
    public async Task Generate_DashPrompt_ReadsThePromptFromStdin()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        CliRun run = await Tool.RunAsync(["generate", "-", "--url", tgi.BaseAddress.ToString()], input: "a prompt\nover two lines\n");

        await Assert.That(run.ExitCode).IsEqualTo(0);
        using JsonDocument body = JsonDocument.Parse(tgi.ReceivedRequests[0].Body);
        await Assert.That(body.RootElement.GetProperty("inputs").GetString()).IsEqualTo("a prompt\nover two lines");
    }

    [Test]
    public async Task Generate_Details_PrintsFinishReasonTokenCountAndTimings()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("a", "b", "c") });

        CliRun run = await Tool.RunAsync(["generate", "Hi", "--details", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).Contains("finish_reason: eos_token");
        await Assert.That(run.Out).Contains("generated_tokens: 4");
        await Assert.That(run.Out).Contains("time_to_first_token:");
        await Assert.That(run.Out).Contains("total_time:");
    }

    [Test]
    public async Task Generate_NoStreamWithDetails_PrintsTgiTimingHeaders()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("a", "b") });

        CliRun run = await Tool.RunAsync(["generate", "Hi", "--no-stream", "--details", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).StartsWith("ab");
        await Assert.That(run.Out).Contains("inference_time:");
        await Assert.That(run.Out).Contains("(tgi)");
        await Assert.That(tgi.ReceivedRequests[0].Path).IsEqualTo("/generate");
    }

    [Test]
    public async Task Generate_SamplingOptions_AreSentOnTheWire()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        CliRun run = await Tool.RunAsync(
        [
            "generate", "Hi", "--url", tgi.BaseAddress.ToString(), "--max-new-tokens", "5", "--temperature", "0.5",
            "--top-p", "0.9", "--top-k", "3", "--stop", "END", "--stop", "STOP", "--seed", "7",
        ]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        using JsonDocument body = JsonDocument.Parse(tgi.ReceivedRequests[0].Body);
        JsonElement parameters = body.RootElement.GetProperty("parameters");
        await Assert.That(parameters.GetProperty("max_new_tokens").GetInt32()).IsEqualTo(5);
        await Assert.That(parameters.GetProperty("temperature").GetSingle()).IsEqualTo(0.5f);
        await Assert.That(parameters.GetProperty("top_p").GetSingle()).IsEqualTo(0.9f);
        await Assert.That(parameters.GetProperty("top_k").GetInt32()).IsEqualTo(3);
        await Assert.That(parameters.GetProperty("seed").GetUInt64()).IsEqualTo(7UL);
        await Assert.That(parameters.GetProperty("stop").GetArrayLength()).IsEqualTo(2);
        await Assert.That(parameters.GetProperty("stop")[1].GetString()).IsEqualTo("STOP");
    }

    [Test]
    public async Task Generate_JsonSchemaFile_SendsJsonGrammarAndPrintsMatchingJson()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        string schema = Tool.TempFile("""{"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"}},"required":["name","age"]}""");

        CliRun run = await Tool.RunAsync(["generate", "A person", "--json-schema", schema, "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        using JsonDocument body = JsonDocument.Parse(tgi.ReceivedRequests[0].Body);
        await Assert.That(body.RootElement.GetProperty("parameters").GetProperty("grammar").GetProperty("type").GetString()).IsEqualTo("json");
        using JsonDocument answer = JsonDocument.Parse(run.Out);
        await Assert.That(answer.RootElement.GetProperty("name").ValueKind).IsEqualTo(JsonValueKind.String);
        await Assert.That(answer.RootElement.GetProperty("age").ValueKind).IsEqualTo(JsonValueKind.Number);
    }

    [Test]
    public async Task Generate_Regex_SendsRegexGrammar()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        CliRun run = await Tool.RunAsync(["generate", "An IP", "--regex", "[0-9]{3}", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        using JsonDocument body = JsonDocument.Parse(tgi.ReceivedRequests[0].Body);
        JsonElement grammar = body.RootElement.GetProperty("parameters").GetProperty("grammar");
        await Assert.That(grammar.GetProperty("type").GetString()).IsEqualTo("regex");
        await Assert.That(grammar.GetProperty("value").GetString()).IsEqualTo("[0-9]{3}");
        await Assert.That(run.Out.TrimEnd()).Matches("^[0-9]{3}$");
    }

    [Test]
    public async Task Generate_RegexAndJsonSchema_ExitsTwoWithoutSending()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        string schema = Tool.TempFile("""{"properties":{"a":{"type":"string"}}}""");

        CliRun run = await Tool.RunAsync(["generate", "x", "--regex", "a", "--json-schema", schema, "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
        await Assert.That(run.Error).Contains("cannot be used together");
        await Assert.That(tgi.ReceivedRequests.Count).IsEqualTo(0);
    }

    [Test]
    public async Task Generate_MissingSchemaFile_ExitsTwo()
    {
        CliRun run = await Tool.RunAsync(["generate", "x", "--json-schema", "/nonexistent/schema.json", "--url", "http://127.0.0.1:1"]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
        await Assert.That(run.Error).Contains("--json-schema");
    }

    [Test]
    public async Task Generate_InStreamValidationError_PrintsTgiErrorAndExitsOne()
    {
        // The stop-sequence limit is a server setting (the CLI cannot refuse it): TGI answers it inside the stream.
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        CliRun run = await Tool.RunAsync(["generate", "x", "--stop", "a", "--stop", "b", "--stop", "c", "--stop", "d", "--stop", "e", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(1);
        await Assert.That(run.Error).Contains("error: validation: Input validation error: `stop` supports up to 4 stop sequences. Given: 5");
    }

    [Test]
    public async Task Generate_NoStreamHttp422_PrintsTgiErrorAndExitsOne()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        CliRun run = await Tool.RunAsync(["generate", "x", "--no-stream", "--stop", "a", "--stop", "b", "--stop", "c", "--stop", "d", "--stop", "e", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(1);
        await Assert.That(run.Error).Contains("error: validation:");
        await Assert.That(run.Error).Contains("`stop` supports up to 4 stop sequences");
    }

    [Test]
    public async Task Generate_UnreachableServer_PrintsTransportErrorAndExitsOne()
    {
        int port = Tool.ClosedPort();

        CliRun run = await Tool.RunAsync(["generate", "x", "--url", $"http://127.0.0.1:{port}"]);

        await Assert.That(run.ExitCode).IsEqualTo(1);
        await Assert.That(run.Error).StartsWith("error: transport:");
        await Assert.That(run.Error).Contains("hint:");
    }

    [Test]
    public async Task Generate_Cancelled_ClosesTheStreamAndExits130()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" tick", 1000) });
        tgi.Faults.StallAfterTokens = 3;
        using var cts = new CancellationTokenSource();

        Task<CliRun> running = Tool.RunAsync(["generate", "x", "--url", tgi.BaseAddress.ToString()], cancellationToken: cts.Token);
        await tgi.WaitForOpenConnectionsAsync(1, TimeSpan.FromMinutes(2));
        await WaitForRequestAsync(tgi);
        await cts.CancelAsync();
        CliRun run = await running;
        await tgi.WaitForOpenConnectionsAsync(0, TimeSpan.FromMinutes(2));

        await Assert.That(run.ExitCode).IsEqualTo(130);
        await Assert.That(run.Error).Contains("cancelled");
        await Assert.That(tgi.OpenConnections).IsEqualTo(0);
    }

    // Bounded far above any machine's speed: the test waits for the event, never for a time.
    private static Task WaitForRequestAsync(TgiEmulator tgi) => Tool.WaitUntilAsync(() => tgi.ReceivedRequests.Count > 0, "the request to arrive");
}
