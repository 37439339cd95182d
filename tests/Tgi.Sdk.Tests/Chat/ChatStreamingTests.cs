// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Chat;

public class ChatStreamingTests
{
    private static readonly ChatMessage[] s_hi = [ChatMessage.CreateUser("Hi")];

    [Test]
    public async Task ChatStreamingAsync_SeparateUsageChunk_V32_YieldsUsageLast()
    {
        string payload = Sse.Frame([Sse.ChatChunk("\"O\""), Sse.ChatChunk("\"K\""), Sse.ChatChunk("\"\"", "stop"), Sse.ChatChunk(null, usageJson: "{\"prompt_tokens\":39,\"completion_tokens\":3,\"total_tokens\":42}"), "[DONE]"]);

        List<ChatCompletionUpdate> updates = await Expect.ToListAsync(ReplayHandler.Sse(payload).CreateClient().ChatStreamingAsync(s_hi));

        await Assert.That(updates.Count).IsEqualTo(4);
        await Assert.That(string.Concat(updates.Select(u => u.ContentDelta))).IsEqualTo("OK");
        await Assert.That(updates[2].FinishReason).IsEqualTo(FinishReason.Stop);
        await Assert.That(updates[3].Usage!.TotalTokens).IsEqualTo(42);
        await Assert.That(updates[3].ContentDelta).IsNull();
        await Assert.That(updates[0].Role).IsEqualTo(ChatRole.Assistant);
        await Assert.That(updates[0].Model).IsEqualTo("m");
        await Assert.That(ReferenceEquals(updates[0].Model, updates[1].Model)).IsTrue();
    }

    [Test]
    public async Task ChatStreamingAsync_UsageOnFinishChunk_V23To31_YieldsBoth()
    {
        string payload = Sse.Frame([Sse.ChatChunk("\"OK\""), Sse.ChatChunk("\"\"", "length", "{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}"), "[DONE]"]);

        List<ChatCompletionUpdate> updates = await Expect.ToListAsync(ReplayHandler.Sse(payload).CreateClient().ChatStreamingAsync(s_hi));

        await Assert.That(updates.Count).IsEqualTo(2);
        await Assert.That(updates[1].FinishReason).IsEqualTo(FinishReason.Length);
        await Assert.That(updates[1].Usage!.CompletionTokens).IsEqualTo(2);
    }

    [Test]
    public async Task ChatStreamingAsync_Tgi14Capture_NoDoneTextCompletionObject_EndsAtFinish()
    {
        // TGI 1.4: "data:" without a space, object "text_completion", no usage, no [DONE] (recorded wire bytes).
        string payload = await File.ReadAllTextAsync(SharedData.PathOrSkip("tgi/recordings/sk-hf-connector/chatcompletion_test_stream_response.txt"));

        List<ChatCompletionUpdate> updates = await Expect.ToListAsync(ReplayHandler.Sse(payload, 61).CreateClient().ChatStreamingAsync(s_hi));

        await Assert.That(updates[0].ContentDelta).IsEqualTo("Deep");
        await Assert.That(updates[0].Logprobs![0].Logprob).IsEqualTo(-0.006336212f);
        await Assert.That(updates[^1].FinishReason).IsEqualTo(FinishReason.Length);
        await Assert.That(updates.All(u => u.Usage is null)).IsTrue();
    }

    [Test]
    public async Task ChatStreamingAsync_ToolCallsArray_V32_AccumulatesArguments()
    {
        string first = "{\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"3.3.6\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"0\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\"}}]},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}";
        string next = "{\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"3.3.6\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"\",\"type\":\"function\",\"function\":{\"name\":null,\"arguments\":\" \\\"city\\\": \\\"Paris\\\"}\"}}]},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}";
        string payload = Sse.Frame([first, next, "[DONE]"]);

        List<ChatCompletionUpdate> updates = await Expect.ToListAsync(ReplayHandler.Sse(payload).CreateClient().ChatStreamingAsync(s_hi));

        await Assert.That(updates[0].ToolCallUpdates[0].FunctionName).IsEqualTo("get_weather");
        await Assert.That(updates[0].ToolCallUpdates[0].Id).IsEqualTo("0");
        await Assert.That(updates[1].ToolCallUpdates[0].Id).IsNull();
        string args = string.Concat(updates.Select(u => u.ToolCallUpdates[0].ArgumentsDelta));
        await Assert.That(args).IsEqualTo("{ \"city\": \"Paris\"}");
        await Assert.That(updates.All(u => u.FinishReason is null)).IsTrue();
    }

    [Test]
    public async Task ChatStreamingAsync_ToolCallsObject_V24_IsRead()
    {
        string chunk = "{\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"2.4.1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":{\"index\":0,\"id\":\"\",\"type\":\"function\",\"function\":{\"name\":null,\"arguments\":\"{\\\"function\\\"\"}}},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}";
        string finish = Sse.ChatChunk("\"\"", "eos_token");
        string payload = Sse.Frame([chunk, finish, "[DONE]"]);

        List<ChatCompletionUpdate> updates = await Expect.ToListAsync(ReplayHandler.Sse(payload).CreateClient().ChatStreamingAsync(s_hi));

        await Assert.That(updates[0].ToolCallUpdates.Count).IsEqualTo(1);
        await Assert.That(updates[0].ToolCallUpdates[0].ArgumentsDelta).IsEqualTo("{\"function\"");
        await Assert.That(updates[0].ToolCallUpdates[0].FunctionName).IsNull();
        await Assert.That(updates[1].FinishReason).IsEqualTo(FinishReason.EosToken);
    }

    [Test]
    [Arguments("{\"error\":{\"message\":\"Input validation error: `top_p` must be > 0.0 and < 1.0\",\"http_status_code\":422}}", 422, "validation")]
    [Arguments("{\"error\":{\"message\":\"Model is overloaded\",\"http_status_code\":422}}", 429, "overloaded")]
    [Arguments("{\"error\":\"Request failed during generation: boom\",\"error_type\":\"generation\"}", 424, "generation")]
    public async Task ChatStreamingAsync_ErrorEventShapes_ThrowTgiException(string errorEvent, int status, string type)
    {
        // ≥2.4.1 OpenAI shape (type inferred from the message) and ≤2.4.0 native shape (API.md §5.3).
        string payload = Sse.Frame([Sse.ChatChunk("\"a\""), errorEvent, "[DONE]"]);

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(ReplayHandler.Sse(payload).CreateClient().ChatStreamingAsync(s_hi)));

        await Assert.That(ex.Status).IsEqualTo(status);
        await Assert.That(ex.ErrorType).IsEqualTo(new TgiErrorType(type));
        await Assert.That(ex.RawResponseBody).IsEqualTo(errorEvent);
    }

    [Test]
    public async Task ChatStreamingAsync_CutBeforeDone_Throws()
    {
        string payload = Sse.Frame([Sse.ChatChunk("\"a\""), Sse.ChatChunk("\"b\"")]);

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(ReplayHandler.Sse(payload).CreateClient().ChatStreamingAsync(s_hi)));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Transport);
    }

    [Test]
    public async Task ChatStreamingAsync_BlankEventsAndKeepAlives_AreSkipped()
    {
        string payload = ":\n\n\n\n" + Sse.Frame([Sse.ChatChunk("\"a\"")]) + ":\n\n" + Sse.Frame([Sse.ChatChunk("\"\"", "stop_sequence"), "[DONE]"]);

        List<ChatCompletionUpdate> updates = await Expect.ToListAsync(ReplayHandler.Sse(payload, 2).CreateClient().ChatStreamingAsync(s_hi));

        await Assert.That(updates.Count).IsEqualTo(2);
        await Assert.That(updates[1].FinishReason).IsEqualTo(FinishReason.StopSequence);
    }

    [Test]
    public async Task ChatStreamingAsync_UnknownFinishReason_IsKept()
    {
        string payload = Sse.Frame([Sse.ChatChunk("\"a\"", "content_filter"), "[DONE]"]);

        List<ChatCompletionUpdate> updates = await Expect.ToListAsync(ReplayHandler.Sse(payload).CreateClient().ChatStreamingAsync(s_hi));

        await Assert.That(updates[0].FinishReason!.Value.ToString()).IsEqualTo("content_filter");
    }

    [Test]
    public async Task ChatStreamingAsync_EscapedUnicodeContent_IsDecoded()
    {
        string payload = Sse.Frame([Sse.ChatChunk("\"caf\\u00e9 \\ud83d\\ude00\"", "stop"), "[DONE]"]);

        List<ChatCompletionUpdate> updates = await Expect.ToListAsync(ReplayHandler.Sse(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(payload)), 1).CreateClient().ChatStreamingAsync(s_hi));

        await Assert.That(updates[0].ContentDelta).IsEqualTo("café 😀");
    }
}
