// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Testing;
using Tgi.Sdk.Tests.Emulator;

namespace Tgi.Sdk.Tests.Tools;

/// <summary>The tool-calling loop against the emulator: two rounds, streaming and not, on TGI 2.4–3.1 and ≥3.2.</summary>
public class ToolLoopLoopbackTests
{
    private static readonly ChatMessage[] s_question = [ChatMessage.CreateUser("What's the weather like in Paris?")];

    private static ChatCompletionOptions Options(List<string> calls, ChatToolChoice? choice = null)
    {
        ChatCompletionOptions options = new() { MaxTokens = 200, ToolChoice = choice };
        options.Tools.Add(TgiTool.Create("get_current_weather", "Get the current weather", TestJsonContext.Default.WeatherArgs, (args, _) =>
        {
            lock (calls)
            {
                calls.Add(args.Location);
            }

            return Task.FromResult("{\"sky\":\"clear\",\"celsius\":21}");
        }));
        return options;
    }

    private static JsonElement Messages(TgiRecordedRequest request)
    {
        using JsonDocument body = JsonDocument.Parse(request.Body);
        return body.RootElement.GetProperty("messages").Clone();
    }

    [Test]
    [Arguments(TgiWireVersion.V2_4)]
    [Arguments(TgiWireVersion.V3_3)]
    public async Task RunToolsAsync_TwoRounds_RunsToolThenAnswers(TgiWireVersion version)
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = version, Generator = ToolModels.CallThenAnswer("It is sunny in Paris.") });
        List<string> calls = [];

        ChatToolLoopResult result = await tgi.Client.RunToolsAsync(s_question, Options(calls, ChatToolChoice.Auto));

        await Assert.That(result.StopReason).IsEqualTo(ChatToolLoopStopReason.Answered);
        await Assert.That(result.Content).IsEqualTo("It is sunny in Paris.");
        await Assert.That(result.Rounds).IsEqualTo(2);
        await Assert.That(calls).IsEquivalentTo(["Paris, France"]);
        await Assert.That(result.Messages.Select(m => m.Role.ToString())).IsEquivalentTo(["user", "assistant", "tool", "assistant"]);
        await Assert.That(result.Messages[2].Content).IsEqualTo("{\"sky\":\"clear\",\"celsius\":21}");
        await Assert.That(result.Messages[3].Content).IsEqualTo("It is sunny in Paris.");
    }

    [Test]
    [Arguments(TgiWireVersion.V2_4)]
    [Arguments(TgiWireVersion.V3_3)]
    public async Task RunToolsStreamingAsync_TwoRounds_YieldsCallResultTextAndOutcome(TgiWireVersion version)
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = version, Generator = ToolModels.CallThenAnswer("It is sunny in Paris.") });
        List<string> calls = [];
        List<ChatToolLoopUpdate> updates = [];

        await foreach (ChatToolLoopUpdate update in tgi.Client.RunToolsStreamingAsync(s_question, Options(calls, ChatToolChoice.Auto)))
        {
            updates.Add(update);
        }

        await Assert.That(updates[0].Kind).IsEqualTo(ChatToolLoopUpdateKind.ToolCall);
        await Assert.That(updates[0].ToolCall!.FunctionName).IsEqualTo("get_current_weather");
        await Assert.That(updates[1].Kind).IsEqualTo(ChatToolLoopUpdateKind.ToolResult);
        await Assert.That(updates[1].ToolResult).IsEqualTo("{\"sky\":\"clear\",\"celsius\":21}");
        await Assert.That(string.Concat(updates.Where(u => u.Kind == ChatToolLoopUpdateKind.ContentDelta).Select(u => u.ContentDelta))).IsEqualTo("It is sunny in Paris.");
        await Assert.That(updates.Where(u => u.Kind == ChatToolLoopUpdateKind.ContentDelta).All(u => u.Round == 2)).IsTrue();
        ChatToolLoopResult result = updates[^1].Result!;
        await Assert.That(updates[^1].Kind).IsEqualTo(ChatToolLoopUpdateKind.Completed);
        await Assert.That(result.Content).IsEqualTo("It is sunny in Paris.");
        await Assert.That(result.Rounds).IsEqualTo(2);
        await Assert.That(calls).IsEquivalentTo(["Paris, France"]);
    }

    [Test]
    public async Task RunToolsAsync_V33_ReplaysToolTurnAsToolCallsWithoutContent()
    {
        // TGI ≥3.1.1: {"role":"assistant","tool_calls":[…]} and no content (a string content would win) (API.md §5.1).
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = ToolModels.CallThenAnswer("Sunny.") });

        await tgi.Client.RunToolsAsync(s_question, Options([]));

        JsonElement replayed = Messages(tgi.Emulator.ReceivedRequests[1])[1];
        await Assert.That(replayed.GetProperty("role").GetString()).IsEqualTo("assistant");
        await Assert.That(replayed.TryGetProperty("content", out _)).IsFalse();
        await Assert.That(replayed.GetProperty("tool_calls")[0].GetProperty("function").GetProperty("name").GetString()).IsEqualTo("get_current_weather");
        JsonElement result = Messages(tgi.Emulator.ReceivedRequests[1])[2];
        await Assert.That(result.GetProperty("role").GetString()).IsEqualTo("tool");
        await Assert.That(result.GetProperty("tool_call_id").GetString()).IsEqualTo("0");
    }

    [Test]
    public async Task RunToolsAsync_OlderThan311_ReplaysToolTurnAsGrammarText()
    {
        // TGI <3.1.1 requires content on every message and does not read tool_calls (API.md §11.8).
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = TgiWireVersion.V2_4, Generator = ToolModels.CallThenAnswer("Sunny.") });

        await tgi.Client.RunToolsAsync(s_question, Options([]));

        JsonElement replayed = Messages(tgi.Emulator.ReceivedRequests[1])[1];
        using JsonDocument content = JsonDocument.Parse(replayed.GetProperty("content").GetString()!);
        JsonElement function = content.RootElement.GetProperty("function");
        await Assert.That(function.GetProperty("_name").GetString()).IsEqualTo("get_current_weather");
        await Assert.That(function.GetProperty("location").GetString()).IsEqualTo("Paris, France");
    }

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task RunTools_RequiredChoice_LaterRoundsUseAuto(bool stream)
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = ToolModels.CallThenAnswer("Sunny.") });
        ChatCompletionOptions options = Options([], ChatToolChoice.Required);

        string? content = stream
            ? (await ToResultAsync(tgi.Client.RunToolsStreamingAsync(s_question, options))).Content
            : (await tgi.Client.RunToolsAsync(s_question, options)).Content;

        await Assert.That(content).IsEqualTo("Sunny.");
        await Assert.That(tgi.Emulator.ReceivedRequests[0].Body).Contains("\"tool_choice\":\"required\"");
        await Assert.That(tgi.Emulator.ReceivedRequests[1].Body).Contains("\"tool_choice\":\"auto\"");
        await Assert.That(options.ToolChoice).IsEqualTo(ChatToolChoice.Required);
    }

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task RunTools_ModelKeepsCallingTools_StopsAtMaxRounds(bool stream)
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = ToolModels.AlwaysCallWeather() });
        List<string> calls = [];
        ChatCompletionOptions options = Options(calls);

        ChatToolLoopResult result = stream
            ? await ToResultAsync(tgi.Client.RunToolsStreamingAsync(s_question, options, maxRounds: 2))
            : await tgi.Client.RunToolsAsync(s_question, options, maxRounds: 2);

        await Assert.That(result.StopReason).IsEqualTo(ChatToolLoopStopReason.MaxRoundsReached);
        await Assert.That(result.Rounds).IsEqualTo(2);
        await Assert.That(calls.Count).IsEqualTo(1);
        await Assert.That(result.Completion.ToolCalls.Count).IsEqualTo(1);
        await Assert.That(result.Messages.Count).IsEqualTo(3);
    }

    [Test]
    public async Task RunToolsAsync_ToolWithoutHandler_ThrowsBeforeSending()
    {
        await using Loopback tgi = await Loopback.StartAsync();
        ChatCompletionOptions options = new();
        options.Tools.Add(ToolModels.Weather());

        ArgumentException? ex = await Assert.That(() => (Task)tgi.Client.RunToolsAsync(s_question, options)).Throws<ArgumentException>();

        await Assert.That(ex!.Message).Contains("get_current_weather");
        await Assert.That(tgi.Emulator.ReceivedRequests.Count).IsEqualTo(0);
    }

    private static async Task<ChatToolLoopResult> ToResultAsync(IAsyncEnumerable<ChatToolLoopUpdate> updates)
    {
        ChatToolLoopResult? result = null;
        await foreach (ChatToolLoopUpdate update in updates)
        {
            result ??= update.Result;
        }

        return result!;
    }
}
