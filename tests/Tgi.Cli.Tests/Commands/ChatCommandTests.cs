// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Cli.Tests.Support;
using Tgi.Sdk.Testing;

namespace Tgi.Cli.Tests.Commands;

public class ChatCommandTests
{
    private const string WeatherTools = """
        [{"type":"function","function":{"name":"get_weather","description":"Weather in a city","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]
        """;

    [Test]
    public async Task Chat_Message_StreamsAnswerAndExitsZero()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("Hi", " there", ".") });

        CliRun run = await Tool.RunAsync(["chat", "Hello", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out.TrimEnd()).IsEqualTo("Hi there.");
        await Assert.That(tgi.ReceivedRequests[0].Path).IsEqualTo("/v1/chat/completions");
    }

    [Test]
    public async Task Chat_System_IsSentBeforeTheUserMessage()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        CliRun run = await Tool.RunAsync(["chat", "Hello", "--system", "Be brief.", "--max-tokens", "8", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        using JsonDocument body = JsonDocument.Parse(tgi.ReceivedRequests[0].Body);
        JsonElement messages = body.RootElement.GetProperty("messages");
        await Assert.That(messages[0].GetProperty("role").GetString()).IsEqualTo("system");
        await Assert.That(messages[0].GetProperty("content").GetString()).IsEqualTo("Be brief.");
        await Assert.That(messages[1].GetProperty("content").GetString()).IsEqualTo("Hello");
        await Assert.That(body.RootElement.GetProperty("max_tokens").GetInt32()).IsEqualTo(8);
    }

    [Test]
    public async Task Chat_ToolsFile_PrintsTheToolCall()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        string tools = Tool.TempFile(WeatherTools);

        CliRun run = await Tool.RunAsync(["chat", "Weather in Paris?", "--tools", tools, "--tool-choice", "required", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).Contains("tool call: get_weather {");
        string arguments = run.Out[(run.Out.IndexOf("get_weather ", StringComparison.Ordinal) + "get_weather ".Length)..].Trim();
        using JsonDocument parsed = JsonDocument.Parse(arguments);
        await Assert.That(parsed.RootElement.GetProperty("city").ValueKind).IsEqualTo(JsonValueKind.String);
    }

    [Test]
    [Arguments(TgiWireVersion.V2_0)]
    [Arguments(TgiWireVersion.V2_4)]
    [Arguments(TgiWireVersion.V3_3)]
    public async Task Chat_ToolsOnEveryWireVersion_PrintsTheResolvedToolCall(TgiWireVersion wireVersion)
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { WireVersion = wireVersion });
        string tools = Tool.TempFile(WeatherTools);

        // TGI 2.1 and older require "model" on chat requests, and apply tools only with a tool_choice.
        CliRun run = await Tool.RunAsync(["chat", "Weather in Paris?", "--tools", tools, "--tool-choice", "auto", "--model", "tgi", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).StartsWith("tool call: get_weather {\"city\":");
    }

    [Test]
    public async Task Chat_NoMessage_RunsLoopThatKeepsHistory()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("Answer") });

        CliRun run = await Tool.RunAsync(["chat", "--url", tgi.BaseAddress.ToString()], input: "first question\nsecond question\n/exit\nnever sent\n");

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(tgi.ReceivedRequests.Count).IsEqualTo(2);
        using JsonDocument second = JsonDocument.Parse(tgi.ReceivedRequests[1].Body);
        JsonElement messages = second.RootElement.GetProperty("messages");
        await Assert.That(messages.GetArrayLength()).IsEqualTo(3);
        await Assert.That(messages[0].GetProperty("content").GetString()).IsEqualTo("first question");
        await Assert.That(messages[1].GetProperty("role").GetString()).IsEqualTo("assistant");
        await Assert.That(messages[1].GetProperty("content").GetString()).IsEqualTo("Answer");
        await Assert.That(messages[2].GetProperty("content").GetString()).IsEqualTo("second question");
    }

    [Test]
    public async Task Chat_ResetInLoop_ClearsHistory()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("Answer") });

        CliRun run = await Tool.RunAsync(["chat", "--url", tgi.BaseAddress.ToString()], input: "one\n/reset\ntwo\n");

        await Assert.That(run.ExitCode).IsEqualTo(0);
        using JsonDocument second = JsonDocument.Parse(tgi.ReceivedRequests[1].Body);
        await Assert.That(second.RootElement.GetProperty("messages").GetArrayLength()).IsEqualTo(1);
    }

    [Test]
    public async Task Chat_LoopTurnFails_ReportsErrorAndGoesOnWithoutThatTurn()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("Answer") });
        tgi.Faults.OverloadNextRequests = 1;

        CliRun run = await Tool.RunAsync(["chat", "--url", tgi.BaseAddress.ToString()], input: "lost\nkept\n");

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Error).StartsWith("error: overloaded:");
        await Assert.That(run.Out.TrimEnd()).IsEqualTo("Answer");
        using JsonDocument second = JsonDocument.Parse(tgi.ReceivedRequests[1].Body);
        JsonElement messages = second.RootElement.GetProperty("messages");
        await Assert.That(messages.GetArrayLength()).IsEqualTo(1);
        await Assert.That(messages[0].GetProperty("content").GetString()).IsEqualTo("kept");
    }

    [Test]
    public async Task Chat_NoChatTemplate_PrintsTemplateErrorAndExitsOne()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { HasChatTemplate = false });

        CliRun run = await Tool.RunAsync(["chat", "Hello", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(1);
        await Assert.That(run.Error).StartsWith("error: template_error:");
    }

    [Test]
    public async Task Chat_ToolsFileNotAList_ExitsTwo()
    {
        string tools = Tool.TempFile("""{"name":"x"}""");

        CliRun run = await Tool.RunAsync(["chat", "Hello", "--tools", tools, "--url", "http://127.0.0.1:1"]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
        await Assert.That(run.Error).Contains("--tools");
    }
}
