// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Testing.Tests.Support;

namespace Tgi.Sdk.Testing.Tests.Routes;

/// <summary>
/// The default model after a tool result: with tool_choice auto it declines another call (TGI's no_tool, so plain
/// content); when the grammar holds only user tools (required, a named tool) it must call one again.
/// </summary>
public class ToolResultTurnTests
{
    // TGI ≥3.1.1 takes the call as tool_calls; before, the SDK replays it as the grammar text in content.
    private const string ToolCallsTurn = """
        {"role":"assistant","tool_calls":[{"id":"0","type":"function","function":{"name":"get_current_weather","arguments":"{\"location\":\"Paris\",\"format\":\"celsius\"}"}}]}
        """;

    private const string ContentTurn = """
        {"role":"assistant","content":"{\"function\": {\"_name\": \"get_current_weather\", \"location\": \"Paris\", \"format\": \"celsius\"}}"}
        """;

    private static string Request(string extra, string assistantTurn = ToolCallsTurn) =>
        """{"model":"tgi","messages":[{"role":"user","content":"Weather in Paris?"},""" + assistantTurn
        + """,{"role":"tool","tool_call_id":"0","content":"{\"sky\":\"clear\"}"}],""" + ToolCallTests.Tools + extra + "}";

    [Test]
    [Arguments(TgiWireVersion.V3_3)]
    [Arguments(TgiWireVersion.V2_4)]
    public async Task Chat_AutoAfterToolResult_AnswersWithContent(TgiWireVersion wire)
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { WireVersion = wire });

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", wire == TgiWireVersion.V2_4 ? Request(string.Empty, ContentTurn) : Request(string.Empty));

        JsonElement message = reply.Json.GetProperty("choices")[0].GetProperty("message");
        await Assert.That(message.TryGetProperty("tool_calls", out _)).IsFalse();
        await Assert.That(message.GetProperty("content").GetString()).IsNotNull().And.IsNotEmpty();
    }

    [Test]
    [Arguments(""","tool_choice":"required" """)]
    [Arguments(""","tool_choice":{"type":"function","function":{"name":"get_current_weather"}}""")]
    public async Task Chat_ForcedChoiceAfterToolResult_CallsAToolAgain(string choice)
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Request(choice));

        JsonElement message = reply.Json.GetProperty("choices")[0].GetProperty("message");
        await Assert.That(message.GetProperty("tool_calls")[0].GetProperty("function").GetProperty("name").GetString()).IsEqualTo("get_current_weather");
    }

    [Test]
    public async Task Chat_Tgi201AutoAfterToolResult_PicksNotifyError()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { WireVersion = TgiWireVersion.V2_0, Version = "2.0.1" });

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Request(""","tool_choice":"auto" """, ContentTurn));

        // TGI 2.0.1–2.3.0: the injected notify_error is returned like any tool call.
        JsonElement function = reply.Json.GetProperty("choices")[0].GetProperty("message").GetProperty("tool_calls")[0].GetProperty("function");
        await Assert.That(function.GetProperty("name").GetString()).IsEqualTo("notify_error");
        await Assert.That(function.GetProperty("arguments").GetProperty("error").GetString()).IsNotNull().And.IsNotEmpty();
    }

    [Test]
    public async Task ChatStream_AutoAfterToolResult_StreamsContent()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Request(""","stream":true"""));

        List<JsonElement> chunks = Http.JsonFrames(reply.Body);
        await Assert.That(chunks.Any(c => c.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("tool_calls", out _))).IsFalse();
        await Assert.That(string.Concat(chunks.Select(c => c.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString()))).IsNotEmpty();
    }
}
