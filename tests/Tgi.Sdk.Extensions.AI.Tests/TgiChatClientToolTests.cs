// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Microsoft.Extensions.AI;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Extensions.AI.Tests;

public class TgiChatClientToolTests
{
    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task FunctionInvokingChatClient_TwoRounds_CallsToolThenAnswers(bool streaming)
    {
        // Round 1: the model calls get_weather. Round 2 (a tool result is in the conversation): it picks TGI's
        // no_tool, so TGI generates again without tools (API.md §5.5) and the plain answer comes back.
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions
        {
            ModelId = "m-tools",
            Generator = TgiGenerator.Create(request =>
                request.ToolGrammar.Count == 0
                    ? new TgiGeneration(TgiGenerator.Tokenize("It is sunny in Paris."))
                    : request.Messages.Any(m => m.Role == "tool")
                        ? new TgiGeneration(TgiGenerator.Tokenize("""{"function": {"_name": "no_tool", "content": "done"}}"""))
                        : new TgiGeneration(TgiGenerator.Tokenize("""{"function": {"_name": "get_weather", "city": "Paris"}}"""))),
        });
        List<string> cities = [];
        AIFunction weather = AIFunctionFactory.Create(
            (string city) =>
            {
                cities.Add(city);
                return $"sunny, 24 C in {city}";
            },
            "get_weather",
            "Gets the current weather for a city.");
        using IChatClient client = new ChatClientBuilder(new TgiClient(tgi.BaseAddress).AsIChatClient()).UseFunctionInvocation().Build();
        ChatOptions options = new() { Tools = [weather] };

        ChatResponse response = streaming
            ? await client.GetStreamingResponseAsync("What is the weather in Paris?", options).ToChatResponseAsync()
            : await client.GetResponseAsync("What is the weather in Paris?", options);

        await Assert.That(response.Text).IsEqualTo("It is sunny in Paris.");
        await Assert.That(cities).IsEquivalentTo(new[] { "Paris" });

        TgiRecordedRequest[] chats = [.. tgi.ReceivedRequests.Where(r => r.Path == "/v1/chat/completions")];
        await Assert.That(chats.Length).IsEqualTo(2);
        using JsonDocument second = JsonDocument.Parse(chats[1].Body);
        JsonElement[] messages = [.. second.RootElement.GetProperty("messages").EnumerateArray()];
        JsonElement call = messages[1].GetProperty("tool_calls")[0];
        await Assert.That(call.GetProperty("function").GetProperty("name").GetString()).IsEqualTo("get_weather");
        await Assert.That(messages[2].GetProperty("role").GetString()).IsEqualTo("tool");
        await Assert.That(messages[2].GetProperty("tool_call_id").GetString()).IsEqualTo(call.GetProperty("id").GetString());
        await Assert.That(messages[2].GetProperty("content").GetString()).Contains("sunny, 24 C in Paris");
        await Assert.That(second.RootElement.GetProperty("tools")[0].GetProperty("function").GetProperty("name").GetString()).IsEqualTo("get_weather");
    }
}
