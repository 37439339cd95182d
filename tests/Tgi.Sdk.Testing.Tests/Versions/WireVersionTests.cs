// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using System.Text.Json;
using Tgi.Sdk.Testing.Tests.Routes;
using Tgi.Sdk.Testing.Tests.Support;

namespace Tgi.Sdk.Testing.Tests.Versions;

public class WireVersionTests
{
    private const string AutoChoice = ",\"tool_choice\":\"auto\"";

    private const string Hi = """{"model":"tgi","messages":[{"role":"user","content":"Hi"}]""";

    private static TgiGenerator WeatherCall(string eos = "<|eot_id|>") => TgiGenerator.Scripted(
    [
        .. TgiGenerator.Tokenize("""{"function": {"_name": "get_current_weather", "location": "Paris", "format": "celsius"}}""", appendEos: false),
        new TgiGeneratedToken(128009, eos, -0.01f, special: true),
    ]);

    [Test]
    public async Task V2_0_GenerateStream_WritesDataWithoutSpaceAndNoInputLength()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(wire: TgiWireVersion.V2_0);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate_stream", """{"inputs":"Hi","parameters":{"details":true,"max_new_tokens":2}}""");

        await Assert.That(reply.Body).IsEqualTo(
            "data:{\"index\":1,\"token\":{\"id\":10,\"text\":\"Hello\",\"logprob\":-0.5,\"special\":false},\"generated_text\":null,\"details\":null}\n\n" +
            "data:{\"index\":2,\"token\":{\"id\":11,\"text\":\" world\",\"logprob\":-0.25,\"special\":false},\"generated_text\":\"Hello world\",\"details\":{\"finish_reason\":\"length\",\"generated_tokens\":2,\"seed\":null}}\n\n");
    }

    [Test]
    public async Task V2_0_ChatStream_IdFirstTextCompletionObjectNoUsageNoDone()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(wire: TgiWireVersion.V2_0);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Hi + ""","stream":true,"stream_options":{"include_usage":true}}""");

        List<string> frames = Http.DataFrames(reply.Body);
        await Assert.That(reply.Body.StartsWith("data:{", StringComparison.Ordinal)).IsTrue();
        await Assert.That(frames.Count).IsEqualTo(3);
        await Assert.That(frames[2]).IsEqualTo("""{"id":"","object":"text_completion","created":1700000000,"model":"tgi-emulator/tiny-llama","system_fingerprint":"2.0.0-native","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":"eos_token"}]}""");
    }

    [Test]
    public async Task V2_0_ChatToolCall_IntegerIdFunctionNamedToolsWithParameters()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(WeatherCall("</s>"), TgiWireVersion.V2_0);

        // TGI ≤2.1: tools apply only with a tool_choice.
        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", ToolCallTests.Request(AutoChoice));

        JsonElement choice = reply.Json.GetProperty("choices")[0];
        await Assert.That(choice.GetProperty("message").GetProperty("tool_calls").GetRawText()).IsEqualTo(
            """[{"id":0,"type":"function","function":{"description":null,"name":"tools","parameters":{"_name":"get_current_weather","location":"Paris","format":"celsius"}}}]""");
        await Assert.That(choice.GetProperty("finish_reason").GetString()).IsEqualTo("eos_token");
        await Assert.That(reply.Json.GetProperty("object").GetString()).IsEqualTo("text_completion");
    }

    [Test]
    public async Task V2_0_Version201_RealNameArgumentsObjectAndNotifyError()
    {
        TgiGenerationRequest? seen = null;
        TgiGenerator inner = WeatherCall("</s>");
        await using TgiEmulator tgi = await Scripts.StartAsync(
            TgiGenerator.Create(request =>
            {
                seen = request;
                return inner.Generate(request);
            }),
            TgiWireVersion.V2_0,
            o => o.Version = "2.0.1");

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", ToolCallTests.Request(AutoChoice));

        await Assert.That(reply.Json.GetProperty("choices")[0].GetProperty("message").GetProperty("tool_calls").GetRawText()).IsEqualTo(
            """[{"id":0,"type":"function","function":{"description":null,"name":"get_current_weather","arguments":{"location":"Paris","format":"celsius"}}}]""");
        await Assert.That(seen!.ToolGrammar[0].Name).IsEqualTo("notify_error");
        await Assert.That(reply.Json.GetProperty("system_fingerprint").GetString()).IsEqualTo("2.0.1-native");
    }

    [Test]
    public async Task V2_0_Info_HasMaxInputLengthAndLegacyFields()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(wire: TgiWireVersion.V2_0);

        JsonElement info = (await Http.GetAsync(tgi, "/info")).Json;

        await Assert.That(info.GetProperty("max_input_length").GetInt32()).IsEqualTo(32767);
        await Assert.That(info.TryGetProperty("max_input_tokens", out _)).IsFalse();
        await Assert.That(info.TryGetProperty("max_batch_total_tokens", out _)).IsTrue();
        await Assert.That(info.GetProperty("version").GetString()).IsEqualTo("2.0.0");
    }

    [Test]
    public async Task V2_0_ChatStreamError_UsesNativeErrorShape()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(wire: TgiWireVersion.V2_0);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Hi + ""","stream":true,"top_p":1}""");

        await Assert.That(reply.Body).IsEqualTo("data:{\"error\":\"Input validation error: `top_p` must be > 0.0 and < 1.0\",\"error_type\":\"validation\"}\n\n");
    }

    [Test]
    public async Task V2_4_ChatToolCall_StringIdArgumentsObject()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(WeatherCall(), TgiWireVersion.V2_4);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", ToolCallTests.Request(""));

        JsonElement choice = reply.Json.GetProperty("choices")[0];
        await Assert.That(choice.GetProperty("message").GetProperty("tool_calls").GetRawText()).IsEqualTo(
            """[{"id":"0","type":"function","function":{"description":null,"name":"get_current_weather","arguments":{"location":"Paris","format":"celsius"}}}]""");
        await Assert.That(choice.GetProperty("finish_reason").GetString()).IsEqualTo("stop");
        await Assert.That(reply.Json.GetProperty("object").GetString()).IsEqualTo("chat.completion");
    }

    [Test]
    public async Task V2_4_ChatStreamToolCall_ObjectDeltasCarryGrammarJsonAndEosText()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(WeatherCall(), TgiWireVersion.V2_4);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", ToolCallTests.Request(""","stream":true"""));

        List<JsonElement> chunks = Http.JsonFrames(reply.Body);
        var arguments = new StringBuilder();
        foreach (JsonElement chunk in chunks)
        {
            JsonElement call = chunk.GetProperty("choices")[0].GetProperty("delta").GetProperty("tool_calls");
            await Assert.That(call.ValueKind).IsEqualTo(JsonValueKind.Object);
            arguments.Append(call.GetProperty("function").GetProperty("arguments").GetString());
        }

        await Assert.That(arguments.ToString()).IsEqualTo("""{"function": {"_name": "get_current_weather", "location": "Paris", "format": "celsius"}}<|eot_id|>""");
        await Assert.That(Http.DataFrames(reply.Body)[^2]).IsEqualTo(
            """{"object":"chat.completion.chunk","id":"","created":1700000000,"model":"tgi-emulator/tiny-llama","system_fingerprint":"2.4.1-native","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":{"index":0,"id":"","type":"function","function":{"name":null,"arguments":"<|eot_id|>"}}},"logprobs":null,"finish_reason":"stop"}],"usage":null}""");
    }

    [Test]
    public async Task V2_4_ChatStreamIncludeUsage_PutsUsageOnLastContentChunk()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(wire: TgiWireVersion.V2_4);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Hi + ""","stream":true,"stream_options":{"include_usage":true}}""");

        List<JsonElement> chunks = Http.JsonFrames(reply.Body);
        await Assert.That(chunks.Count).IsEqualTo(3);
        await Assert.That(chunks[1].GetProperty("usage").ValueKind).IsEqualTo(JsonValueKind.Null);
        await Assert.That(chunks[2].GetProperty("choices")[0].GetProperty("finish_reason").GetString()).IsEqualTo("stop");
        await Assert.That(chunks[2].GetProperty("usage").GetRawText()).IsEqualTo("""{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10}""");
        await Assert.That(Http.DataFrames(reply.Body)[^1]).IsEqualTo("[DONE]");
    }

    [Test]
    public async Task V2_4_NoTool_ReturnsItsContentFromOneGeneration()
    {
        int calls = 0;
        await using TgiEmulator tgi = await Scripts.StartAsync(
            TgiGenerator.Create(request =>
            {
                Interlocked.Increment(ref calls);
                return new TgiGeneration(TgiGenerator.Tokenize("""{"function": {"_name": "no_tool", "content": "I am an AI assistant"}}"""));
            }),
            TgiWireVersion.V2_4);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", ToolCallTests.Request(""));

        await Assert.That(reply.Json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()).IsEqualTo("I am an AI assistant");
        await Assert.That(calls).IsEqualTo(1);
    }

    [Test]
    public async Task V2_4_NoToolStream_StreamsContentOnlyWithoutFinishReason()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(
            TgiGenerator.Scripted(TgiGenerator.Tokenize("""{"function": {"_name": "no_tool", "content": "I am an AI assistant"}}""")),
            TgiWireVersion.V2_4);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", ToolCallTests.Request(""","stream":true"""));

        List<JsonElement> chunks = Http.JsonFrames(reply.Body);
        string content = string.Concat(chunks.Select(c => c.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString()));
        await Assert.That(content).IsEqualTo("I am an AI assistant");
        await Assert.That(chunks.All(c => c.GetProperty("choices")[0].GetProperty("finish_reason").ValueKind == JsonValueKind.Null)).IsTrue();
    }

    [Test]
    public async Task V2_4_Version220_ChatEosFinishIsEosToken()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(wire: TgiWireVersion.V2_4, configure: o => o.Version = "2.2.0");

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Hi + "}");

        await Assert.That(reply.Json.GetProperty("choices")[0].GetProperty("finish_reason").GetString()).IsEqualTo("eos_token");
        await Assert.That(reply.Json.GetProperty("system_fingerprint").GetString()).IsEqualTo("2.2.0-native");
    }

    [Test]
    public async Task V2_4_StreamOptionsNull_IsAccepted()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(wire: TgiWireVersion.V2_4);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Hi + ""","stream_options":null}""");

        await Assert.That(reply.Json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()).IsEqualTo("Hello world");
    }

    [Test]
    public async Task V2_0_ChatWithoutModel_Returns422MissingModel()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(wire: TgiWireVersion.V2_0);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", """{"messages":[]}""");

        await Assert.That(reply.Body).IsEqualTo("Failed to deserialize the JSON body into the target type: missing field `model` at line 1 column 15");
    }

    [Test]
    public async Task V3_3_ModelEchoAndV2_4_NoEcho()
    {
        await using TgiEmulator current = await Scripts.StartAsync();
        await using TgiEmulator older = await Scripts.StartAsync(wire: TgiWireVersion.V2_4);
        const string Body = """{"model":"adapter-x","messages":[{"role":"user","content":"Hi"}]}""";

        Http.Reply echoed = await Http.PostJsonAsync(current, "/v1/chat/completions", Body);
        Http.Reply served = await Http.PostJsonAsync(older, "/v1/chat/completions", Body);

        await Assert.That(echoed.Json.GetProperty("model").GetString()).IsEqualTo("adapter-x");
        await Assert.That(served.Json.GetProperty("model").GetString()).IsEqualTo("tgi-emulator/tiny-llama");
    }

    [Test]
    public async Task V2_0_ChatStreamToolCall_EveryTokenIsAnObjectDeltaFromTheFirstBrace()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(WeatherCall("</s>"), TgiWireVersion.V2_0);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", ToolCallTests.Request(""","stream":true""" + AutoChoice));

        List<string> frames = Http.DataFrames(reply.Body);
        await Assert.That(reply.Body.StartsWith("data:{\"id\":\"\",\"object\":\"text_completion\"", StringComparison.Ordinal)).IsTrue();
        await Assert.That(frames[0]).IsEqualTo("""{"id":"","object":"text_completion","created":1700000000,"model":"tgi-emulator/tiny-llama","system_fingerprint":"2.0.0-native","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":{"index":0,"id":"","type":"function","function":{"name":null,"arguments":"{"}}},"logprobs":null,"finish_reason":null}]}""");
        await Assert.That(frames[^1].Contains("\"arguments\":\"</s>\"}}},\"logprobs\":null,\"finish_reason\":\"eos_token\"", StringComparison.Ordinal)).IsTrue();
    }

    [Test]
    public async Task V2_4_CompletionsStreamError_UsesOpenAiShape()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(wire: TgiWireVersion.V2_4);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/completions", """{"prompt":"Hi","stream":true,"top_p":1}""");

        await Assert.That(reply.Body).IsEqualTo("data: {\"error\":{\"message\":\"Input validation error: `top_p` must be > 0.0 and < 1.0\",\"http_status_code\":422}}\n\ndata: [DONE]\n\n");
    }
}
