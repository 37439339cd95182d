// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Tools;

/// <summary>Assembling streamed tool calls from every shape TGI streams (API.md §5.4, §5.5), without ids or a finish chunk.</summary>
public class ChatCompletionAccumulatorTests
{
    private const string Envelope = "{\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"FP\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",DELTA},\"logprobs\":null,\"finish_reason\":FINISH}],\"usage\":null}";

    private static string Chunk(string delta, string finish = "null", string fingerprint = "3.3.6-native") =>
        Envelope.Replace("DELTA", delta, StringComparison.Ordinal).Replace("FINISH", finish, StringComparison.Ordinal).Replace("FP", fingerprint, StringComparison.Ordinal);

    private static string Legacy(string arguments) =>
        Chunk("\"tool_calls\":{\"index\":0,\"id\":\"\",\"type\":\"function\",\"function\":{\"name\":null,\"arguments\":" + System.Text.Json.JsonSerializer.Serialize(arguments, TestJsonContext.Default.String) + "}}", fingerprint: "2.4.1-native");

    private static string Array(int index, string? id, string? name, string arguments) =>
        Chunk("\"content\":null,\"tool_calls\":[{\"index\":" + index + ",\"id\":" + (id is null ? "null" : "\"" + id + "\"") + ",\"type\":\"function\",\"function\":{\"name\":"
            + (name is null ? "null" : "\"" + name + "\"") + ",\"arguments\":" + System.Text.Json.JsonSerializer.Serialize(arguments, TestJsonContext.Default.String) + "}}]");

    private static async Task<(ChatCompletion Completion, List<ChatCompletionUpdate> Updates)> StreamAsync(params string[] events)
    {
        List<ChatCompletionUpdate> updates = await Expect.ToListAsync(ReplayHandler.Sse(Sse.Frame([.. events, "[DONE]"]), chunkSize: 13).CreateClient().ChatStreamingAsync([ChatMessage.CreateUser("Hi")]));
        ChatCompletionAccumulator accumulator = new();
        foreach (ChatCompletionUpdate update in updates)
        {
            accumulator.Append(update);
        }

        return (accumulator.ToCompletion(), updates);
    }

    [Test]
    [Arguments("</s>")]
    [Arguments("<|eot_id|>")]
    [Arguments("")]
    public async Task Legacy_WholeGrammarJsonPlusEos_TakesNameFromUnderscoreName(string eos)
    {
        (ChatCompletion completion, _) = await StreamAsync(
            Legacy("{\"function\": {\"_name\": \"get_current_weather\","),
            Legacy(" \"location\": \"Paris, France\", \"format\": \"celsius\"}}"),
            Legacy(eos));

        await Assert.That(completion.ToolCalls.Count).IsEqualTo(1);
        await Assert.That(completion.ToolCalls[0].FunctionName).IsEqualTo("get_current_weather");
        await Assert.That(completion.ToolCalls[0].ArgumentsJson).IsEqualTo("{\"location\":\"Paris, France\",\"format\":\"celsius\"}");
        await Assert.That(completion.ToolCalls[0].Id).IsEqualTo(string.Empty);
        await Assert.That(completion.FinishReason).IsEqualTo(FinishReason.Stop);
        await Assert.That(completion.SystemFingerprint).IsEqualTo("2.4.1-native");
    }

    [Test]
    public async Task Current_CommaAfterNameInItsOwnToken_ArgumentsStillParse()
    {
        // TGI ≥3.2 opens with "{" once the name parses; a tokenizer that splits the comma off the name's closing quote
        // streams it next (API.md §5.4).
        (ChatCompletion completion, _) = await StreamAsync(
            Array(0, "0", "get_current_weather", "{"),
            Array(0, null, null, ","),
            Array(0, null, null, " \"location\": \"Paris\", \"format\": \"celsius\"}"));

        WeatherArgs? args = completion.ToolCalls[0].GetArguments(TestJsonContext.Default.WeatherArgs);

        await Assert.That(completion.ToolCalls[0].ArgumentsJson).IsEqualTo("{ \"location\": \"Paris\", \"format\": \"celsius\"}");
        await Assert.That(args?.Location).IsEqualTo("Paris");
    }

    [Test]
    public async Task Legacy_NotifyError_BecomesContent()
    {
        (ChatCompletion completion, _) = await StreamAsync(Legacy("{\"function\": {\"_name\": \"notify_error\", \"error\": \"I cannot help.\"}}"), Legacy("</s>"));

        await Assert.That(completion.ToolCalls.Count).IsEqualTo(0);
        await Assert.That(completion.Content).IsEqualTo("I cannot help.");
    }

    [Test]
    public async Task V32_ArrayFragmentsWithoutFinishChunk_AssembleByIndex()
    {
        (ChatCompletion completion, List<ChatCompletionUpdate> updates) = await StreamAsync(
            Array(0, "0", "get_current_weather", "{"),
            Array(0, "0", null, " \"location\": \"Paris\", \"format\": null"),
            Array(1, null, "get_n_day_weather_forecast", "{\"num_days\""),
            Array(0, "0", null, "}"),
            Array(1, null, null, ": 3}"));

        await Assert.That(updates.All(u => u.ContentDelta is null)).IsTrue();
        await Assert.That(completion.Content).IsNull();
        await Assert.That(completion.ToolCalls.Select(c => c.FunctionName)).IsEquivalentTo(["get_current_weather", "get_n_day_weather_forecast"]);
        await Assert.That(completion.ToolCalls[0].GetArguments(TestJsonContext.Default.WeatherArgs).Location).IsEqualTo("Paris");
        await Assert.That(completion.ToolCalls[1].ParseArguments().GetProperty("num_days").GetInt32()).IsEqualTo(3);
        await Assert.That(completion.ToolCalls[0].Id).IsEqualTo("0");
        await Assert.That(completion.FinishReason).IsEqualTo(FinishReason.Stop);
    }

    [Test]
    public async Task Content_ChunksAndFinish_AreKept()
    {
        (ChatCompletion completion, _) = await StreamAsync(Chunk("\"content\":\"Hel\""), Chunk("\"content\":\"lo\""), Chunk("\"content\":\"\"", "\"length\""));

        await Assert.That(completion.Content).IsEqualTo("Hello");
        await Assert.That(completion.ToolCalls.Count).IsEqualTo(0);
        await Assert.That(completion.FinishReason).IsEqualTo(FinishReason.Length);
        await Assert.That(completion.Model).IsEqualTo("m");
    }
}
