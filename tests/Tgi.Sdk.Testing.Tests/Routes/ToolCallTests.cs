// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Text;
using System.Text.Json;
using Tgi.Sdk.Testing.Tests.Support;

namespace Tgi.Sdk.Testing.Tests.Routes;

public class ToolCallTests
{
    internal const string Tools = """
        "tools":[
          {"type":"function","function":{"name":"get_current_weather","description":"Get the weather","parameters":{"type":"object","properties":{"location":{"type":"string"},"format":{"type":"string","enum":["celsius","fahrenheit"]}},"required":["location","format"]}}},
          {"type":"function","function":{"name":"get_n_day_weather_forecast","parameters":{"type":"object","properties":{"location":{"type":"string"},"num_days":{"type":"integer","minimum":1}}}}}
        ]
        """;

    internal static string Request(string extra) => """{"model":"tgi","messages":[{"role":"user","content":"Weather in Paris?"}],""" + Tools + extra + "}";

    [Test]
    public async Task Chat_ToolsAuto_ReturnsToolCallWithArgumentsString()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Request(""));

        JsonElement message = reply.Json.GetProperty("choices")[0].GetProperty("message");
        await Assert.That(message.TryGetProperty("content", out _)).IsFalse();
        await Assert.That(message.GetProperty("tool_calls").GetRawText()).IsEqualTo(
            """[{"id":"0","type":"function","function":{"description":null,"name":"get_current_weather","arguments":"{\"location\":\"Paris, France\",\"format\":\"celsius\"}"}}]""");
        await Assert.That(reply.Json.GetProperty("choices")[0].GetProperty("finish_reason").GetString()).IsEqualTo("stop");
    }

    [Test]
    public async Task Chat_ToolChoiceNamedString_CallsThatTool()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Request(""","tool_choice":"get_n_day_weather_forecast" """));

        JsonElement function = reply.Json.GetProperty("choices")[0].GetProperty("message").GetProperty("tool_calls")[0].GetProperty("function");
        await Assert.That(function.GetProperty("name").GetString()).IsEqualTo("get_n_day_weather_forecast");
        using JsonDocument arguments = JsonDocument.Parse(function.GetProperty("arguments").GetString()!);
        await Assert.That(arguments.RootElement.GetProperty("num_days").GetInt32()).IsGreaterThanOrEqualTo(1);
    }

    [Test]
    public async Task Chat_ToolChoiceObject_CallsThatTool()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Request(""","tool_choice":{"type":"function","function":{"name":"get_n_day_weather_forecast"}}"""));

        await Assert.That(reply.Json.GetProperty("choices")[0].GetProperty("message").GetProperty("tool_calls")[0].GetProperty("function").GetProperty("name").GetString())
            .IsEqualTo("get_n_day_weather_forecast");
    }

    [Test]
    public async Task Chat_ToolChoiceRequired_CallsAUserTool()
    {
        TgiGenerationRequest? seen = null;
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions
        {
            Generator = TgiGenerator.Create(request =>
            {
                seen = request;
                return TgiGenerator.Default.Generate(request);
            }),
        });

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Request(""","tool_choice":"required" """));

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(string.Join(",", seen!.ToolGrammar.Select(t => t.Name))).IsEqualTo("get_current_weather,get_n_day_weather_forecast");
    }

    [Test]
    public async Task Chat_ToolChoiceAuto_AddsHiddenNoTool()
    {
        TgiGenerationRequest? seen = null;
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions
        {
            Generator = TgiGenerator.Create(request =>
            {
                seen ??= request;
                return TgiGenerator.Default.Generate(request);
            }),
        });

        await Http.PostJsonAsync(tgi, "/v1/chat/completions", Request(""","tool_choice":"auto" """));

        await Assert.That(string.Join(",", seen!.ToolGrammar.Select(t => t.Name))).IsEqualTo("get_current_weather,get_n_day_weather_forecast,no_tool");
    }

    [Test]
    public async Task Chat_ToolChoiceNone_AnswersWithContentAndNoGrammar()
    {
        TgiGenerationRequest? seen = null;
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions
        {
            Generator = TgiGenerator.Create(request =>
            {
                seen = request;
                return new TgiGeneration(TgiGenerator.Tokenize("Sunny."));
            }),
        });

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Request(""","tool_choice":"none" """));

        await Assert.That(reply.Json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()).IsEqualTo("Sunny.");
        await Assert.That(seen!.ToolGrammar.Count).IsEqualTo(0);
        await Assert.That(seen.Prompt.Contains("get_current_weather", StringComparison.Ordinal)).IsFalse();
    }

    [Test]
    public async Task Chat_UnknownToolName_Returns422ToolError()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Request(""","tool_choice":"nope" """));

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        await Assert.That(reply.Body).IsEqualTo("""{"error":"Tool error: Tool with name nope not found","error_type":"tool_error"}""");
    }

    [Test]
    public async Task Chat_ToolsAndResponseFormat_Returns422MutuallyExclusive()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", """{"messages":[{"role":"user","content":"x"}],"tools":[],"response_format":{"type":"json","value":{"properties":{}}}}""");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        await Assert.That(reply.Body).IsEqualTo("""{"error":"Tool error: Grammar and tools are mutually exclusive","error_type":"tool_error"}""");
    }

    [Test]
    public async Task Chat_EmptyToolsAuto_RegeneratesWithoutTools()
    {
        var prompts = new List<TgiGenerationRequest>();
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions
        {
            Generator = TgiGenerator.Create(request =>
            {
                lock (prompts)
                {
                    prompts.Add(request);
                }

                return TgiGenerator.Default.Generate(request);
            }),
        });

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", """{"messages":[{"role":"user","content":"Who are you?"}],"tools":[]}""");

        await Assert.That(prompts.Count).IsEqualTo(2);
        await Assert.That(prompts[1].ToolGrammar.Count).IsEqualTo(0);
        JsonElement message = reply.Json.GetProperty("choices")[0].GetProperty("message");
        await Assert.That(message.TryGetProperty("tool_calls", out _)).IsFalse();
        await Assert.That(reply.Json.GetProperty("usage").GetProperty("prompt_tokens").GetInt32()).IsEqualTo(prompts[1].PromptTokenCount);
    }

    [Test]
    public async Task Chat_ToolOutputCutByMaxTokens_Returns422ParseError()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Request(""","tool_choice":"get_current_weather","max_tokens":5"""));

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        await Assert.That(reply.Json.GetProperty("error_type").GetString()).IsEqualTo("tool_error");
        await Assert.That(reply.Json.GetProperty("error").GetString()!.StartsWith("Tool error: Failed to parse generated text: ", StringComparison.Ordinal)).IsTrue();
    }

    [Test]
    public async Task ChatStream_ToolCall_NameFirstThenArgumentFragmentsWithoutFinishReason()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Request(""","stream":true"""));

        List<JsonElement> chunks = Http.JsonFrames(reply.Body);
        JsonElement firstCall = chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("tool_calls")[0];
        await Assert.That(firstCall.GetRawText()).IsEqualTo("""{"index":0,"id":"0","type":"function","function":{"name":"get_current_weather","arguments":"{"}}""");
        var arguments = new StringBuilder();
        foreach (JsonElement chunk in chunks)
        {
            JsonElement choice = chunk.GetProperty("choices")[0];
            await Assert.That(choice.GetProperty("finish_reason").ValueKind).IsEqualTo(JsonValueKind.Null);
            arguments.Append(choice.GetProperty("delta").GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString());
        }

        using JsonDocument parsed = JsonDocument.Parse(arguments.ToString());
        await Assert.That(parsed.RootElement.GetProperty("location").GetString()).IsEqualTo("Paris, France");
        await Assert.That(Http.DataFrames(reply.Body)[^1]).IsEqualTo("[DONE]");
    }

    [Test]
    public async Task ChatStream_ToolCallAfterEarlierCalls_UsesNextIntegerId()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        string body = """{"stream":true,"messages":[{"role":"user","content":"Weather?"},{"role":"assistant","tool_calls":[{"id":"4","type":"function","function":{"name":"get_current_weather","arguments":"{}"}}]},{"role":"tool","tool_call_id":"4","content":"6.7"},{"role":"user","content":"And tomorrow?"}],""" + Tools + "}";

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", body);

        JsonElement call = Http.JsonFrames(reply.Body)[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("tool_calls")[0];
        await Assert.That(call.GetProperty("id").GetString()).IsEqualTo("5");
    }

    [Test]
    public async Task ChatStream_NoToolPicked_StreamsPlainContentFromSecondGeneration()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions
        {
            Generator = TgiGenerator.Create(request => request.ToolGrammar.Count > 0
                ? new TgiGeneration(TgiGenerator.Tokenize("""{"function": {"_name": "no_tool", "content": "nothing"}}"""))
                : new TgiGeneration(TgiGenerator.Tokenize("Plain answer"))),
        });

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Request(""","stream":true"""));

        string content = string.Concat(Http.JsonFrames(reply.Body).Select(c => c.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString()));
        await Assert.That(content).IsEqualTo("Plain answer");
        await Assert.That(Http.JsonFrames(reply.Body)[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString()).IsEqualTo("stop");
    }

    [Test]
    public async Task ChatStream_ToolCallCutByMaxTokens_LastToolChunkSaysLength()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Request(""","stream":true,"tool_choice":"get_current_weather","max_tokens":22"""));

        List<JsonElement> chunks = Http.JsonFrames(reply.Body);
        await Assert.That(chunks[^1].GetProperty("choices")[0].GetProperty("finish_reason").GetString()).IsEqualTo("length");
        await Assert.That(chunks[^1].GetProperty("choices")[0].GetProperty("delta").GetProperty("tool_calls").ValueKind).IsEqualTo(JsonValueKind.Array);
        await Assert.That(Http.DataFrames(reply.Body)[^1]).IsEqualTo("[DONE]");
    }

    [Test]
    public async Task ChatTokenize_WithTools_RendersToolsAndDefaultToolPrompt()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/chat_tokenize", Request(""));

        string templated = reply.Json.GetProperty("templated_text").GetString()!;
        await Assert.That(templated.Contains("\"name\":\"get_current_weather\"", StringComparison.Ordinal)).IsTrue();
        await Assert.That(templated.Contains("Given the functions available, please respond with a JSON for a function call", StringComparison.Ordinal)).IsTrue();
    }

    [Test]
    public async Task Chat_ToolCallUsage_CountsToolsInPromptTokens()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply withTools = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Request(""","tool_choice":"get_current_weather" """));
        Http.Reply without = await Http.PostJsonAsync(tgi, "/v1/chat/completions", """{"messages":[{"role":"user","content":"Weather in Paris?"}]}""");

        await Assert.That(withTools.Json.GetProperty("usage").GetProperty("prompt_tokens").GetInt32())
            .IsGreaterThan(without.Json.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
    }
}
