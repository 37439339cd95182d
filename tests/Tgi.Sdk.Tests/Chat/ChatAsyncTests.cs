// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Chat;

public class ChatAsyncTests
{
    private const string Completion = """
        {"object":"chat.completion","id":"","created":1741372335,"model":"meta-llama/Llama-3.1-8B-Instruct","system_fingerprint":"3.3.6-dev0-native",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Hi there"},"logprobs":null,"finish_reason":"stop"}],
         "usage":{"prompt_tokens":53,"completion_tokens":12,"total_tokens":65}}
        """;

    [Test]
    public async Task ChatAsync_EveryOptionAndMessageKind_SendsExactJson()
    {
        ReplayHandler handler = ReplayHandler.Json(Completion);
        ChatCompletionOptions options = new()
        {
            Model = "tgi",
            MaxTokens = 64,
            Temperature = 0.2f,
            TopP = 0.8f,
            FrequencyPenalty = 0.5f,
            PresencePenalty = -1f,
            Seed = 7,
            Logprobs = true,
            TopLogprobs = 2,
            IncludeUsage = true,
            ToolChoice = ChatToolChoice.CreateFunction("get_weather"),
            ToolPrompt = "Use a tool.",
        };
        options.StopSequences.Add("END");
        options.Tools.Add(ChatTool.CreateFunction("get_weather", "Weather now", "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"));
        ChatMessage[] messages =
        [
            ChatMessage.CreateSystem("Be brief."),
            ChatMessage.CreateUser(ChatContentPart.CreateText("What is this?"), ChatContentPart.CreateImageUrl("https://example.invalid/cat.png")),
            ChatMessage.CreateAssistant([new ChatToolCall("0", "get_weather", "{\"city\":\"Paris\"}")]),
            ChatMessage.CreateTool("0", "{\"temp\":21}"),
            new ChatMessage(ChatRole.User, "Thanks") { Name = "ana" },
        ];

        await handler.CreateClient().ChatAsync(messages, options);

        // stream_options is streaming-only: ChatAsync never sends it (nor null).
        await Assert.That(handler.Requests[0].Body).IsEqualTo(
            "{\"frequency_penalty\":0.5,\"logprobs\":true,\"max_tokens\":64,\"messages\":[{\"content\":\"Be brief.\",\"role\":\"system\"},"
            + "{\"content\":[{\"text\":\"What is this?\",\"type\":\"text\"},{\"image_url\":{\"url\":\"https://example.invalid/cat.png\"},"
            + "\"type\":\"image_url\"}],\"role\":\"user\"},{\"role\":\"assistant\","
            + "\"tool_calls\":[{\"function\":{\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\",\"name\":\"get_weather\"},\"id\":\"0\","
            + "\"type\":\"function\"}]},{\"content\":\"{\\\"temp\\\":21}\",\"role\":\"tool\",\"tool_call_id\":\"0\"},{\"content\":\"Thanks\","
            + "\"name\":\"ana\",\"role\":\"user\"}],\"model\":\"tgi\",\"presence_penalty\":-1,\"seed\":7,\"stop\":[\"END\"],\"temperature\":0.2,"
            + "\"tool_choice\":{\"function\":{\"name\":\"get_weather\"},\"type\":\"function\"},\"tool_prompt\":\"Use a tool.\","
            + "\"tools\":[{\"function\":{\"description\":\"Weather now\",\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\","
            + "\"properties\":{\"city\":{\"type\":\"string\"}}}},\"type\":\"function\"}],\"top_logprobs\":2,\"top_p\":0.8}");
        await Assert.That(handler.Requests[0].Path).IsEqualTo("/v1/chat/completions");
    }

    [Test]
    public async Task ChatStreamingAsync_IncludeUsageAndResponseFormat_SendsStreamOptionsObject()
    {
        ReplayHandler handler = ReplayHandler.Sse(Sse.Frame([Sse.ChatChunk("\"a\"", "stop"), "[DONE]"]));
        ChatCompletionOptions options = new()
        {
            IncludeUsage = false,
            TopP = 1.0f,
            ResponseFormat = TgiGrammar.JsonSchema(JsonDocument.Parse("{\"properties\":{}}").RootElement),
            ToolChoice = ChatToolChoice.Required,
        };

        await Expect.ToListAsync(handler.CreateClient().ChatStreamingAsync([ChatMessage.CreateUser("Hi")], options));

        await Assert.That(handler.Requests[0].Body).IsEqualTo(
            "{\"messages\":[{\"content\":\"Hi\",\"role\":\"user\"}],\"response_format\":{\"type\":\"json_schema\","
            + "\"value\":{\"schema\":{\"properties\":{}}}},\"stream\":true,\"stream_options\":{\"include_usage\":false},"
            + "\"tool_choice\":\"required\"}");
    }

    [Test]
    public async Task ChatAsync_NoOptions_SendsMessagesOnly()
    {
        ReplayHandler handler = ReplayHandler.Json(Completion);

        TgiResult<ChatCompletion> result = await handler.CreateClient().ChatAsync([ChatMessage.CreateUser("Hi")]);

        await Assert.That(handler.Requests[0].Body).IsEqualTo("{\"messages\":[{\"content\":\"Hi\",\"role\":\"user\"}]}");
        await Assert.That(result.Value.Content).IsEqualTo("Hi there");
        await Assert.That(result.Value.FinishReason).IsEqualTo(FinishReason.Stop);
        await Assert.That(result.Value.Usage!.TotalTokens).IsEqualTo(65);
        await Assert.That(result.Value.Model).IsEqualTo("meta-llama/Llama-3.1-8B-Instruct");
        await Assert.That(result.Value.Created).IsEqualTo(DateTimeOffset.FromUnixTimeSeconds(1741372335));
        await Assert.That(result.Value.Role).IsEqualTo(ChatRole.Assistant);
    }

    [Test]
    [Arguments("{\"id\":\"0\",\"type\":\"function\",\"function\":{\"description\":null,\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}", "0", "get_weather")]
    [Arguments("{\"id\":\"0\",\"type\":\"function\",\"function\":{\"description\":null,\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}}", "0", "get_weather")]
    [Arguments("{\"id\":0,\"type\":\"function\",\"function\":{\"description\":null,\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}}", "0", "get_weather")]
    [Arguments("{\"id\":0,\"type\":\"function\",\"function\":{\"description\":null,\"name\":\"tools\",\"parameters\":{\"city\":\"Paris\"}}}", "0", "tools")]
    public async Task ChatAsync_ToolCallWireVersions_ReadArgumentsAsJson(string toolCall, string expectedId, string expectedName)
    {
        // TGI ≥3.2 string arguments; 2.0.4–3.1 object arguments; ≤2.0.3 integer id; 1.4–2.0.0 "parameters" (API.md §5.5).
        string json = "{\"object\":\"chat.completion\",\"id\":\"\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"x\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"tool_calls\":["
            + toolCall + "]},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}";

        ChatCompletion completion = (await ReplayHandler.Json(json).CreateClient().ChatAsync([ChatMessage.CreateUser("Weather?")])).Value;

        await Assert.That(completion.Content).IsNull();
        await Assert.That(completion.ToolCalls.Count).IsEqualTo(1);
        await Assert.That(completion.ToolCalls[0].Id).IsEqualTo(expectedId);
        await Assert.That(completion.ToolCalls[0].FunctionName).IsEqualTo(expectedName);
        await Assert.That(completion.ToolCalls[0].ParseArguments().GetProperty("city").GetString()).IsEqualTo("Paris");
    }

    [Test]
    public async Task ChatAsync_Tgi14Response_ReadsEosTokenAndEmptyLogprobs()
    {
        string payload = await File.ReadAllTextAsync(SharedData.PathOrSkip("tgi/recordings/sk-hf-connector/chatcompletion_test_response.json"));

        ChatCompletion completion = (await ReplayHandler.Json(payload).CreateClient().ChatAsync([ChatMessage.CreateUser("Hi")])).Value;

        await Assert.That(completion.FinishReason).IsEqualTo(FinishReason.EosToken);
        await Assert.That(completion.FinishReason!.Value.IsEndOfSequence).IsTrue();
        await Assert.That(completion.Logprobs!.Count).IsEqualTo(0);
        await Assert.That(completion.Content).IsEqualTo("This is a testing chat completion response");
    }

    [Test]
    public async Task ChatAsync_Logprobs_AreRead()
    {
        string json = "{\"id\":\"\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"a\"},"
            + "\"logprobs\":{\"content\":[{\"token\":\"a\",\"logprob\":null,\"top_logprobs\":[{\"token\":\"a\",\"logprob\":-0.1},{\"token\":\"b\",\"logprob\":-3.0}]}]},\"finish_reason\":\"length\"}]}";

        ChatCompletion completion = (await ReplayHandler.Json(json).CreateClient().ChatAsync([ChatMessage.CreateUser("Hi")])).Value;

        await Assert.That(completion.Logprobs![0].Logprob).IsNull();
        await Assert.That(completion.Logprobs![0].TopLogprobs[1].Token).IsEqualTo("b");
        await Assert.That(completion.Usage).IsNull();
    }

    [Test]
    public async Task ChatAsync_NullMessages_ThrowsArgumentNullException()
    {
        TgiClient client = ReplayHandler.Json(Completion).CreateClient();

        await Assert.That(async () => await client.ChatAsync(null!)).Throws<ArgumentNullException>();
    }
}
