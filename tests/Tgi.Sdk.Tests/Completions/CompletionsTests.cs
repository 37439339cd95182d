// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Completions;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Completions;

public class CompletionsTests
{
    [Test]
    public async Task CompletionsAsync_BatchWithEveryOption_SendsExactJsonAndSortsChoices()
    {
        const string json = """
            {"object":"text_completion","id":"","created":1741264812,"model":"m","system_fingerprint":"3.1.2-dev0-native",
             "choices":[{"index":1,"text":" two","logprobs":null,"finish_reason":"length"},{"index":0,"text":" one","logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":6,"completion_tokens":10,"total_tokens":16}}
            """;
        ReplayHandler handler = ReplayHandler.Json(json);
        CompletionOptions options = new() { Model = "tgi", MaxTokens = 5, Temperature = 0, TopP = 0.5f, Seed = 3, RepetitionPenalty = 1.1f, FrequencyPenalty = 0.2f };
        options.StopSequences.Add(".");

        Completion completion = (await handler.CreateClient().CompletionsAsync(["a", "b"], options)).Value;

        await Assert.That(handler.Requests[0].Body).IsEqualTo(
            "{\"frequency_penalty\":0.2,\"max_tokens\":5,\"model\":\"tgi\",\"prompt\":[\"a\",\"b\"],\"repetition_penalty\":1.1,\"seed\":3,"
            + "\"stop\":[\".\"],\"temperature\":0,\"top_p\":0.5}");
        await Assert.That(completion.Choices[0].Text).IsEqualTo(" one");
        await Assert.That(completion.Choices[1].FinishReason).IsEqualTo(FinishReason.Length);
        await Assert.That(completion.Usage!.TotalTokens).IsEqualTo(16);
    }

    [Test]
    public async Task CompletionsAsync_SinglePrompt_SendsString()
    {
        ReplayHandler handler = ReplayHandler.Json("{\"choices\":[{\"index\":0,\"text\":\"x\",\"finish_reason\":\"stop\"}]}");

        await handler.CreateClient().CompletionsAsync("a");

        await Assert.That(handler.Requests[0].Body).IsEqualTo("{\"prompt\":\"a\"}");
    }

    [Test]
    public async Task CompletionsStreamingAsync_InterleavedPrompts_KeepsEachPromptApart()
    {
        static string Chunk(int index, string text, string finish, string? usage = null) =>
            $"{{\"object\":\"text_completion\",\"id\":\"\",\"created\":1,\"choices\":[{{\"index\":{index},\"text\":\"{text}\",\"logprobs\":null,\"finish_reason\":\"{finish}\"}}],\"model\":\"m\",\"system_fingerprint\":\"f\""
            + (usage is null ? string.Empty : $",\"usage\":{usage}") + "}";
        string payload = Sse.Frame([Chunk(0, "a", ""), Chunk(1, "x", ""), Chunk(0, "b", "eos_token", "{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}"), Chunk(1, "y", "length", "{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}"), "[DONE]"]);
        ReplayHandler handler = ReplayHandler.Sse(payload, 5);

        List<CompletionUpdate> updates = await Expect.ToListAsync(handler.CreateClient().CompletionsStreamingAsync(["p0", "p1"]));

        await Assert.That(handler.Requests[0].Body).IsEqualTo("{\"prompt\":[\"p0\",\"p1\"],\"stream\":true}");
        await Assert.That(string.Concat(updates.Where(u => u.PromptIndex == 0).Select(u => u.TextDelta))).IsEqualTo("ab");
        await Assert.That(string.Concat(updates.Where(u => u.PromptIndex == 1).Select(u => u.TextDelta))).IsEqualTo("xy");
        await Assert.That(updates[0].FinishReason).IsNull();
        await Assert.That(updates[2].FinishReason).IsEqualTo(FinishReason.EosToken);
        await Assert.That(updates[3].Usage!.CompletionTokens).IsEqualTo(2);
    }

    [Test]
    public async Task CompletionsStreamingAsync_ErrorEvent_Throws()
    {
        string payload = Sse.Frame(["{\"error\":{\"message\":\"Input validation error: `inputs` must have less than 4095 tokens. Given: 5000\",\"http_status_code\":422}}", "[DONE]"]);

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(ReplayHandler.Sse(payload).CreateClient().CompletionsStreamingAsync("a")));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Validation);
        await Assert.That(ex.Status).IsEqualTo(422);
    }

    [Test]
    public async Task CompletionsAsync_EmptyBatch_ThrowsArgumentException()
    {
        TgiClient client = ReplayHandler.Json("{}").CreateClient();

        await Assert.That(async () => await client.CompletionsAsync(Array.Empty<string>())).Throws<ArgumentException>();
    }
}
