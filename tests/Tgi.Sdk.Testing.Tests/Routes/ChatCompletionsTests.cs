// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Text.Json;
using Tgi.Sdk.Testing.Tests.Support;

namespace Tgi.Sdk.Testing.Tests.Routes;

public class ChatCompletionsTests
{
    private const string Hi = """{"messages":[{"role":"user","content":"Hi"}]""";

    [Test]
    public async Task Chat_NonStream_ReturnsExactChatCompletion()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Hi + "}");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(reply.Body).IsEqualTo(
            """{"object":"chat.completion","id":"","created":1700000000,"model":"tgi-emulator/tiny-llama","system_fingerprint":"3.3.6-dev0-native","choices":[{"index":0,"message":{"role":"assistant","content":"Hello world"},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10}}""");
    }

    [Test]
    public async Task Chat_Stream_RepeatsRoleAndEndsWithDone()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Hi + ""","stream":true}""");

        List<string> frames = Http.DataFrames(reply.Body);
        const string Head = """{"object":"chat.completion.chunk","id":"","created":1700000000,"model":"tgi-emulator/tiny-llama","system_fingerprint":"3.3.6-dev0-native","choices":[{"index":0,"delta":{"role":"assistant","content":""";
        await Assert.That(frames).IsEquivalentTo(
        [
            Head + "\"Hello\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}",
            Head + "\" world\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}",
            Head + "\"\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}",
            "[DONE]",
        ]);
        await Assert.That(reply.Body.EndsWith("data: [DONE]\n\n", StringComparison.Ordinal)).IsTrue();
    }

    [Test]
    public async Task Chat_StreamWithIncludeUsage_SendsSeparateUsageChunk()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Hi + ""","stream":true,"stream_options":{"include_usage":true}}""");

        List<string> frames = Http.DataFrames(reply.Body);
        await Assert.That(frames.Count).IsEqualTo(5);
        await Assert.That(frames[3]).IsEqualTo("""{"object":"chat.completion.chunk","id":"","created":1700000000,"model":"tgi-emulator/tiny-llama","system_fingerprint":"3.3.6-dev0-native","choices":[],"usage":{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10}}""");
        await Assert.That(frames[4]).IsEqualTo("[DONE]");
    }

    [Test]
    public async Task Chat_Model_IsEchoedUnlessTgi()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply named = await Http.PostJsonAsync(tgi, "/v1/chat/completions", """{"model":"my-adapter","messages":[{"role":"user","content":"Hi"}]}""");
        Http.Reply tgiModel = await Http.PostJsonAsync(tgi, "/v1/chat/completions", """{"model":"tgi","messages":[{"role":"user","content":"Hi"}]}""");

        await Assert.That(named.Json.GetProperty("model").GetString()).IsEqualTo("my-adapter");
        await Assert.That(tgiModel.Json.GetProperty("model").GetString()).IsEqualTo("tgi-emulator/tiny-llama");
    }

    [Test]
    public async Task Chat_Logprobs_ReturnsOpenAiLogprobsWithoutBytes()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Hi + ""","logprobs":true,"top_logprobs":1}""");

        JsonElement first = reply.Json.GetProperty("choices")[0].GetProperty("logprobs").GetProperty("content")[0];
        await Assert.That(first.GetRawText()).IsEqualTo("""{"token":"Hello","logprob":-0.5,"top_logprobs":[{"token":"Hello","logprob":-0.5}]}""");
    }

    [Test]
    public async Task Chat_StopSequence_FinishesWithStopSequence()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Hi + ""","stop":["Hello"]}""");

        JsonElement choice = reply.Json.GetProperty("choices")[0];
        await Assert.That(choice.GetProperty("message").GetProperty("content").GetString()).IsEqualTo("Hello");
        await Assert.That(choice.GetProperty("finish_reason").GetString()).IsEqualTo("stop_sequence");
    }

    [Test]
    public async Task Chat_MaxTokens_FinishesWithLength()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Hi + ""","max_tokens":1}""");

        await Assert.That(reply.Json.GetProperty("choices")[0].GetProperty("finish_reason").GetString()).IsEqualTo("length");
        await Assert.That(reply.Json.GetProperty("usage").GetProperty("completion_tokens").GetInt32()).IsEqualTo(1);
    }

    [Test]
    public async Task Chat_FinalAssistantMessage_IsContinuedNotRepeated()
    {
        TgiGenerationRequest? seen = null;
        await using TgiEmulator tgi = await Scripts.StartAsync(TgiGenerator.Create(request =>
        {
            seen = request;
            return new TgiGeneration(TgiGenerator.Tokenize(" mouse."));
        }));

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", """{"messages":[{"role":"user","content":"Tell"},{"role":"assistant","content":"The royal"}]}""");

        await Assert.That(reply.Json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()).IsEqualTo(" mouse.");
        await Assert.That(seen!.Prompt.EndsWith("<|assistant|>\nThe royal", StringComparison.Ordinal)).IsTrue();
    }

    [Test]
    public async Task Chat_ContentParts_JoinTextAndRenderImages()
    {
        TgiGenerationRequest? seen = null;
        await using TgiEmulator tgi = await Scripts.StartAsync(TgiGenerator.Create(request =>
        {
            seen = request;
            return new TgiGeneration(TgiGenerator.Tokenize("ok"));
        }));

        await Http.PostJsonAsync(tgi, "/v1/chat/completions", """{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/cat.png"}},{"type":"text","text":"What is it?"}]}]}""");

        await Assert.That(seen!.Messages[0].Content).IsEqualTo("![](https://x/cat.png)What is it?");
    }

    [Test]
    public async Task Chat_NoChatTemplate_Returns422TemplateError()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(configure: o => o.HasChatTemplate = false);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Hi + "}");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        await Assert.That(reply.Body).IsEqualTo("""{"error":"Template error: template not found","error_type":"template_error"}""");
    }

    [Test]
    public async Task ChatTokenize_Messages_ReturnsTemplatedTextAndTokens()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(configure: o => o.ApiKey = "secret");

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/chat_tokenize", Hi + "}");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(reply.Json.GetProperty("templated_text").GetString()).IsEqualTo("<|user|>\nHi</s>\n<|assistant|>\n");
        JsonElement tokens = reply.Json.GetProperty("tokenize_response");
        await Assert.That(tokens.GetArrayLength()).IsEqualTo(7);
        await Assert.That(tokens[0].GetRawText()).IsEqualTo("""{"id":3,"text":"<|user|>","start":0,"stop":8}""".Replace("\"id\":3", $"\"id\":{tokens[0].GetProperty("id").GetInt32()}", StringComparison.Ordinal));
    }

    [Test]
    public async Task ChatStream_Logprobs_EachChunkCarriesItsToken()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Hi + ""","stream":true,"logprobs":true}""");

        JsonElement logprobs = Http.JsonFrames(reply.Body)[1].GetProperty("choices")[0].GetProperty("logprobs");
        await Assert.That(logprobs.GetRawText()).IsEqualTo("""{"content":[{"token":" world","logprob":-0.25,"top_logprobs":[]}]}""");
    }

    [Test]
    public async Task Chat_Headers_CarryTgiTimingHeaders()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Hi + "}");

        await Assert.That(reply.Header("x-prompt-tokens")).IsEqualTo("7");
        await Assert.That(reply.Header("x-generated-tokens")).IsEqualTo("3");
        await Assert.That(reply.Header("x-compute-type")).IsEqualTo("gpu+optimized");
    }
}
