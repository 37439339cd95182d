// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Text.Json;
using Tgi.Sdk.Testing.Tests.Routes;
using Tgi.Sdk.Testing.Tests.Support;

namespace Tgi.Sdk.Testing.Tests.Versions;

/// <summary>Where TGI 2.4.1 and 2.0.0 differ from 3.x, checked against the router source at each tag.</summary>
public class OldWireFidelityTests
{
    private const string PlainText = "text/plain; charset=utf-8";
    private const string Deserialize = "Failed to deserialize the JSON body into the target type: ";
    private const string Hi = """{"model":"tgi","messages":[{"role":"user","content":"Hi"}]""";

    private static TgiGenerator WeatherCall() => TgiGenerator.Scripted(
    [
        .. TgiGenerator.Tokenize("""{"function": {"_name": "get_current_weather", "location": "Paris", "format": "celsius"}}""", appendEos: false),
        Scripts.Eos,
    ]);

    private static TgiGenerator Recording(List<TgiGenerationRequest> seen, TgiGenerator inner) => TgiGenerator.Create(request =>
    {
        lock (seen)
        {
            seen.Add(request);
        }

        return inner.Generate(request);
    });

    private static string Replay(string toolCall) =>
        """{"model":"tgi","messages":[{"role":"user","content":"Weather in Paris?"},{"role":"assistant","tool_calls":[""" + toolCall
        + """]},{"role":"tool","content":"sunny"}],"max_tokens":5}""";

    [Test]
    public async Task V2_4_AssistantToolCallsWithoutContent_Returns422MissingContentUntil311()
    {
        await using TgiEmulator v241 = await Scripts.StartAsync(wire: TgiWireVersion.V2_4);
        await using TgiEmulator v311 = await Scripts.StartAsync(wire: TgiWireVersion.V2_4, configure: o => o.Version = "3.1.1");
        string body = Replay("""{"id":"0","type":"function","function":{"name":"get_current_weather","arguments":"{}"}}""");

        Http.Reply rejected = await Http.PostJsonAsync(v241, "/v1/chat/completions", body);
        Http.Reply accepted = await Http.PostJsonAsync(v311, "/v1/chat/completions", body);

        await Assert.That(rejected.Status).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        await Assert.That(rejected.ContentType).IsEqualTo(PlainText);
        await Assert.That(rejected.Body.StartsWith(Deserialize + "messages[1]: missing field `content` at line 1 column ", StringComparison.Ordinal)).IsTrue();
        await Assert.That(accepted.Status).IsEqualTo(HttpStatusCode.OK);
    }

    [Test]
    public async Task V2_4_MaxCompletionTokens_IgnoredBefore302()
    {
        await using TgiEmulator v241 = await Scripts.StartAsync(wire: TgiWireVersion.V2_4);
        await using TgiEmulator v302 = await Scripts.StartAsync(wire: TgiWireVersion.V2_4, configure: o => o.Version = "3.0.2");
        string body = Hi + ""","max_completion_tokens":1}""";

        JsonElement ignored = (await Http.PostJsonAsync(v241, "/v1/chat/completions", body)).Json;
        JsonElement honoured = (await Http.PostJsonAsync(v302, "/v1/chat/completions", body)).Json;

        await Assert.That(ignored.GetProperty("usage").GetProperty("completion_tokens").GetInt32()).IsEqualTo(3);
        await Assert.That(honoured.GetProperty("usage").GetProperty("completion_tokens").GetInt32()).IsEqualTo(1);
        await Assert.That(honoured.GetProperty("choices")[0].GetProperty("finish_reason").GetString()).IsEqualTo("length");
    }

    [Test]
    public async Task V2_0_ToolsWithoutToolChoice_AreIgnored()
    {
        List<TgiGenerationRequest> seen = [];
        await using TgiEmulator tgi = await Scripts.StartAsync(Recording(seen, Scripts.HelloWorld()), TgiWireVersion.V2_0);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", ToolCallTests.Request(""));

        JsonElement message = reply.Json.GetProperty("choices")[0].GetProperty("message");
        await Assert.That(message.GetProperty("content").GetString()).IsEqualTo("Hello world");
        await Assert.That(message.TryGetProperty("tool_calls", out _)).IsFalse();
        await Assert.That(seen[0].ToolGrammar.Count).IsEqualTo(0);
        await Assert.That(seen[0].Prompt.Contains("get_current_weather", StringComparison.Ordinal)).IsFalse();
    }

    [Test]
    public async Task V2_0_NamedToolObjectForm_CallsThatTool()
    {
        List<TgiGenerationRequest> seen = [];
        await using TgiEmulator tgi = await Scripts.StartAsync(Recording(seen, WeatherCall()), TgiWireVersion.V2_0);

        Http.Reply reply = await Http.PostJsonAsync(
            tgi,
            "/v1/chat/completions",
            ToolCallTests.Request(""","tool_choice":{"type":"function","function":{"name":"get_current_weather"}}"""));

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.OK);
        JsonElement call = reply.Json.GetProperty("choices")[0].GetProperty("message").GetProperty("tool_calls")[0];
        await Assert.That(call.GetProperty("function").GetProperty("name").GetString()).IsEqualTo("tools");
        await Assert.That(seen[0].ToolGrammar.Select(t => t.Name)).IsEquivalentTo(["get_current_weather"]);
    }

    [Test]
    public async Task V2_0_ResponseFormat_IsIgnored()
    {
        List<TgiGenerationRequest> seen = [];
        await using TgiEmulator tgi = await Scripts.StartAsync(Recording(seen, Scripts.HelloWorld()), TgiWireVersion.V2_0);

        Http.Reply reply = await Http.PostJsonAsync(
            tgi,
            "/v1/chat/completions",
            Hi + ""","response_format":{"type":"json","value":{"properties":{"city":{"type":"string"}}}}}""");

        await Assert.That(reply.Json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()).IsEqualTo("Hello world");
        await Assert.That(seen[0].Grammar).IsNull();
    }

    [Test]
    public async Task V2_0_ChatTemperatureZero_Returns422UntilGreedyIn202()
    {
        await using TgiEmulator v200 = await Scripts.StartAsync(wire: TgiWireVersion.V2_0);
        await using TgiEmulator v202 = await Scripts.StartAsync(wire: TgiWireVersion.V2_0, configure: o => o.Version = "2.0.2");
        string body = Hi + ""","temperature":0}""";

        Http.Reply rejected = await Http.PostJsonAsync(v200, "/v1/chat/completions", body);
        Http.Reply greedy = await Http.PostJsonAsync(v202, "/v1/chat/completions", body);

        await Assert.That(rejected.Status).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        await Assert.That(rejected.Body).IsEqualTo("""{"error":"Input validation error: `temperature` must be strictly positive","error_type":"validation"}""");
        await Assert.That(greedy.Status).IsEqualTo(HttpStatusCode.OK);
    }

    [Test]
    public async Task V2_0_NonStreamLogprobs_OneEntryPerToken()
    {
        await using TgiEmulator v200 = await Scripts.StartAsync(wire: TgiWireVersion.V2_0);
        await using TgiEmulator v144 = await Scripts.StartAsync(wire: TgiWireVersion.V2_0, configure: o => o.Version = "1.4.4");
        string body = Hi + ""","logprobs":true}""";

        JsonElement full = (await Http.PostJsonAsync(v200, "/v1/chat/completions", body)).Json;
        JsonElement bug = (await Http.PostJsonAsync(v144, "/v1/chat/completions", body)).Json;

        JsonElement content = full.GetProperty("choices")[0].GetProperty("logprobs").GetProperty("content");
        await Assert.That(content.GetArrayLength()).IsEqualTo(3);
        await Assert.That(content[0].GetProperty("token").GetString()).IsEqualTo("Hello");
        await Assert.That(bug.GetProperty("choices")[0].GetProperty("logprobs").GetProperty("content").GetArrayLength()).IsEqualTo(0);
    }

    [Test]
    public async Task V2_0_CompletionsStream_EmptyFinishReasonsNoUsageNoDone()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(wire: TgiWireVersion.V2_0);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/completions", """{"model":"tgi","prompt":"Hi","stream":true}""");

        List<string> frames = Http.DataFrames(reply.Body);
        await Assert.That(frames.Count).IsEqualTo(3);
        await Assert.That(frames.Contains("[DONE]")).IsFalse();
        await Assert.That(frames[2]).IsEqualTo(
            """{"id":"","object":"text_completion","created":1700000000,"choices":[{"index":0,"text":"","logprobs":null,"finish_reason":""}],"model":"tgi-emulator/tiny-llama","system_fingerprint":"2.0.0-native"}""");
        foreach (JsonElement chunk in Http.JsonFrames(reply.Body))
        {
            await Assert.That(chunk.TryGetProperty("usage", out _)).IsFalse();
            await Assert.That(chunk.GetProperty("choices")[0].GetProperty("finish_reason").GetString()).IsEqualTo(string.Empty);
        }
    }

    [Test]
    public async Task V2_0_CompletionsStop_IsIgnored()
    {
        await using TgiEmulator v200 = await Scripts.StartAsync(wire: TgiWireVersion.V2_0);
        await using TgiEmulator v204 = await Scripts.StartAsync(wire: TgiWireVersion.V2_4, configure: o => o.Version = "2.0.4");
        const string Body = """{"model":"tgi","prompt":"Hi","stop":["Hello"]}""";

        JsonElement ignored = (await Http.PostJsonAsync(v200, "/v1/completions", Body)).Json;
        JsonElement applied = (await Http.PostJsonAsync(v204, "/v1/completions", Body)).Json;

        await Assert.That(ignored.GetProperty("choices")[0].GetProperty("text").GetString()).IsEqualTo("Hello world");
        await Assert.That(ignored.GetProperty("choices")[0].GetProperty("finish_reason").GetString()).IsEqualTo("eos_token");
        await Assert.That(applied.GetProperty("choices")[0].GetProperty("text").GetString()).IsEqualTo("Hello");
    }

    [Test]
    public async Task V2_0_CompletionsWithoutModel_Returns422MissingModel()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(wire: TgiWireVersion.V2_0);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/completions", """{"prompt":"Hi"}""");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        await Assert.That(reply.ContentType).IsEqualTo(PlainText);
        await Assert.That(reply.Body).IsEqualTo(Deserialize + "missing field `model` at line 1 column 15");
    }

    [Test]
    public async Task V2_0_Models_Returns404UntilVersion230()
    {
        await using TgiEmulator v200 = await Scripts.StartAsync(wire: TgiWireVersion.V2_0);
        await using TgiEmulator v230 = await Scripts.StartAsync(wire: TgiWireVersion.V2_4, configure: o => o.Version = "2.3.0");

        Http.Reply missing = await Http.GetAsync(v200, "/v1/models");
        Http.Reply served = await Http.GetAsync(v230, "/v1/models");

        await Assert.That(missing.Status).IsEqualTo(HttpStatusCode.NotFound);
        await Assert.That(missing.Body).IsEqualTo(string.Empty);
        await Assert.That(served.Status).IsEqualTo(HttpStatusCode.OK);
    }

    [Test]
    public async Task V2_0_ReplayedOpenAiToolCall_Returns422AndTheU32ParametersShapeIsAccepted()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(wire: TgiWireVersion.V2_0);

        Http.Reply openAi = await Http.PostJsonAsync(
            tgi,
            "/v1/chat/completions",
            Replay("""{"id":"0","type":"function","function":{"name":"get_current_weather","arguments":"{}"}}"""));
        Http.Reply native = await Http.PostJsonAsync(
            tgi,
            "/v1/chat/completions",
            Replay("""{"id":0,"type":"function","function":{"name":"get_current_weather","parameters":{"location":"Paris"}}}"""));

        await Assert.That(openAi.Status).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        await Assert.That(openAi.ContentType).IsEqualTo(PlainText);
        await Assert.That(openAi.Body.StartsWith(Deserialize + "messages[1].tool_calls[0].id: invalid type: string \"0\", expected u32 at line 1 column ", StringComparison.Ordinal)).IsTrue();
        await Assert.That(native.Status).IsEqualTo(HttpStatusCode.OK);
    }

    [Test]
    public async Task V2_0_RequiredToolChoice_IsAFunctionNameNotFound()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(WeatherCall(), TgiWireVersion.V2_0);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", ToolCallTests.Request(""","tool_choice":"required" """));

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        await Assert.That(reply.Body).IsEqualTo("""{"error":"Tool choice not found in tool names","error_type":"Tool not found"}""");
    }

    [Test]
    public async Task V2_0_TruncatedToolCall_ReturnsTheRawSerdeMessage()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(
            TgiGenerator.Scripted(TgiGenerator.Tokenize("""{"function": {"_name": "get_current_weather", "location": "Par""", appendEos: false)),
            TgiWireVersion.V2_0);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", ToolCallTests.Request(""","tool_choice":"auto" """));

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        JsonElement error = reply.Json;
        await Assert.That(error.GetProperty("error_type").GetString()).IsEqualTo("Input validation error");
        await Assert.That(error.GetProperty("error").GetString()!.StartsWith("EOF while parsing ", StringComparison.Ordinal)).IsTrue();
    }
}
