// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Generate;

public class GenerateAsyncTests
{
    private const string SimpleResponse = "{\"generated_text\":\" world\"}";

    [Test]
    public async Task GenerateAsync_EveryOptionSet_SendsExactJson()
    {
        ReplayHandler handler = ReplayHandler.Json(SimpleResponse);
        TgiClient client = handler.CreateClient();
        GenerateOptions options = new()
        {
            BestOf = 2,
            Temperature = 0.5f,
            RepetitionPenalty = 1.2f,
            FrequencyPenalty = 0.1f,
            TopK = 10,
            TopP = 0.9f,
            TypicalP = 0.95f,
            DoSample = true,
            MaxNewTokens = 20,
            ReturnFullText = false,
            Truncate = 100,
            Watermark = true,
            Details = true,
            DecoderInputDetails = true,
            Seed = 42,
            TopNTokens = 3,
            Grammar = TgiGrammar.Json(JsonDocument.Parse("{\"properties\":{\"a\":{\"type\":\"string\"}}}").RootElement),
            AdapterId = "lora-1",
        };
        options.StopSequences.Add("\n\n");

        await client.GenerateAsync("Hello", options);

        await Assert.That(handler.Requests[0].Body).IsEqualTo(
            "{\"inputs\":\"Hello\",\"parameters\":{\"adapter_id\":\"lora-1\",\"best_of\":2,\"decoder_input_details\":true,\"details\":true,"
            + "\"do_sample\":true,\"frequency_penalty\":0.1,\"grammar\":{\"type\":\"json\","
            + "\"value\":{\"properties\":{\"a\":{\"type\":\"string\"}}}},\"max_new_tokens\":20,\"repetition_penalty\":1.2,"
            + "\"return_full_text\":false,\"seed\":42,\"stop\":[\"\\n\\n\"],\"temperature\":0.5,\"top_k\":10,\"top_n_tokens\":3,\"top_p\":0.9,"
            + "\"truncate\":100,\"typical_p\":0.95,\"watermark\":true}}");
        await Assert.That(handler.Requests[0].Path).IsEqualTo("/generate");
    }

    [Test]
    public async Task GenerateAsync_NoOptions_OmitsParametersEntirely()
    {
        ReplayHandler handler = ReplayHandler.Json(SimpleResponse);

        await handler.CreateClient().GenerateAsync("Hello", new GenerateOptions());

        // TGI: any "parameters" object flips do_sample's default, so nothing is sent unless set (API.md §3).
        await Assert.That(handler.Requests[0].Body).IsEqualTo("{\"inputs\":\"Hello\"}");
    }

    [Test]
    public async Task GenerateAsync_TopPOne_IsOmitted()
    {
        ReplayHandler handler = ReplayHandler.Json(SimpleResponse);

        await handler.CreateClient().GenerateAsync("Hello", new GenerateOptions { TopP = 1.0f, MaxNewTokens = 5 });

        await Assert.That(handler.Requests[0].Body).IsEqualTo("{\"inputs\":\"Hello\",\"parameters\":{\"max_new_tokens\":5}}");
    }

    [Test]
    public async Task GenerateAsync_RegexAndJsonSchemaGrammars_UseValueKey()
    {
        ReplayHandler handler = ReplayHandler.Json(SimpleResponse);
        TgiClient client = handler.CreateClient();

        await client.GenerateAsync("a", new GenerateOptions { Grammar = TgiGrammar.Regex("\\d+") });
        await client.GenerateAsync("a", new GenerateOptions { Grammar = TgiGrammar.JsonSchema(JsonDocument.Parse("{\"properties\":{}}").RootElement, "w") });
        await client.GenerateAsync("a", new GenerateOptions { Grammar = TgiGrammar.Json("{\"properties\":{}}") });

        await Assert.That(handler.Requests[0].Body).IsEqualTo("{\"inputs\":\"a\",\"parameters\":{\"grammar\":{\"type\":\"regex\",\"value\":\"\\\\d+\"}}}");
        await Assert.That(handler.Requests[1].Body).IsEqualTo("{\"inputs\":\"a\",\"parameters\":{\"grammar\":{\"type\":\"json_schema\",\"value\":{\"name\":\"w\",\"schema\":{\"properties\":{}}}}}}");
        await Assert.That(handler.Requests[2].Body).IsEqualTo("{\"inputs\":\"a\",\"parameters\":{\"grammar\":{\"type\":\"json\",\"value\":\"{\\\"properties\\\":{}}\"}}}");
    }

    [Test]
    public async Task GenerateAsync_FullDetails_ParsesEverythingAndTimingHeaders()
    {
        string json = """
            {"generated_text":"Test request failed",
             "details":{"finish_reason":"stop_sequence","generated_tokens":2,"seed":0,
               "prefill":[{"id":1,"text":"<s>","logprob":null},{"id":4321,"text":"Test","logprob":-9.0}],
               "tokens":[{"id":5229,"text":" failed","logprob":-0.5,"special":false},{"id":2,"text":"</s>","logprob":null,"special":true}],
               "top_tokens":[[{"id":5229,"text":" failed","logprob":-0.5,"special":false}],[{"id":2,"text":"</s>","logprob":-0.1,"special":true}]],
               "best_of_sequences":[{"generated_text":"Test x","finish_reason":"length","generated_tokens":1,"seed":7,
                 "prefill":[],"tokens":[{"id":9,"text":" x","logprob":-1.0,"special":false}]}]}}
            """;
        ReplayHandler handler = ReplayHandler.Json(
            json,
            System.Net.HttpStatusCode.OK,
            ("x-queue-time", "12"),
            ("x-inference-time", "250"),
            ("x-validation-time", "1"),
            ("x-total-time", "263"),
            ("x-time-per-token", "125"),
            ("x-compute-time", "0.263"),
            ("x-prompt-tokens", "2"),
            ("x-generated-tokens", "2"),
            ("x-compute-type", "gpu+optimized"));

        TgiResult<GenerateResponse> result = await handler.CreateClient().GenerateAsync("Test request");

        GenerateDetails details = result.Value.Details!;
        await Assert.That(result.Value.GeneratedText).IsEqualTo("Test request failed");
        await Assert.That(details.FinishReason).IsEqualTo(FinishReason.StopSequence);
        await Assert.That(details.Seed).IsEqualTo(0UL);
        await Assert.That(details.Prefill[0].Logprob).IsNull();
        await Assert.That(details.Prefill[1].Text).IsEqualTo("Test");
        await Assert.That(details.Tokens[1].IsSpecial).IsTrue();
        await Assert.That(details.TopTokens[1][0].Id).IsEqualTo(2);
        await Assert.That(details.BestOfSequences[0].Seed).IsEqualTo(7UL);
        await Assert.That(details.BestOfSequences[0].TopTokens.Count).IsEqualTo(0);
        TgiRawResponse raw = result.GetRawResponse();
        await Assert.That(raw.Status).IsEqualTo(200);
        await Assert.That(raw.QueueTime).IsEqualTo(TimeSpan.FromMilliseconds(12));
        await Assert.That(raw.InferenceTime).IsEqualTo(TimeSpan.FromMilliseconds(250));
        await Assert.That(raw.ValidationTime).IsEqualTo(TimeSpan.FromMilliseconds(1));
        await Assert.That(raw.TotalTime).IsEqualTo(TimeSpan.FromMilliseconds(263));
        await Assert.That(raw.TimePerToken).IsEqualTo(TimeSpan.FromMilliseconds(125));
        await Assert.That(raw.ComputeTime).IsEqualTo(TimeSpan.FromSeconds(0.263));
        await Assert.That(raw.PromptTokens).IsEqualTo(2);
        await Assert.That(raw.GeneratedTokens).IsEqualTo(2);
        await Assert.That(raw.ComputeType).IsEqualTo("gpu+optimized");
    }

    [Test]
    public async Task GenerateAsync_NoDetails_DetailsIsNull()
    {
        TgiResult<GenerateResponse> result = await ReplayHandler.Json(SimpleResponse).CreateClient().GenerateAsync("Hello");

        await Assert.That(result.Value.Details).IsNull();
        await Assert.That(result.GetRawResponse().QueueTime).IsNull();
    }

    [Test]
    public async Task GenerateCompatAsync_OneElementArray_IsUnwrapped()
    {
        string payload = await File.ReadAllTextAsync(SharedData.PathOrSkip("tgi/recordings/sk-hf-connector/textgeneration_test_response.json"));
        ReplayHandler handler = ReplayHandler.Json(payload);

        TgiResult<GenerateResponse> result = await handler.CreateClient().GenerateCompatAsync("Write about");

        await Assert.That(handler.Requests[0].Path).IsEqualTo("/");
        await Assert.That(handler.Requests[0].Body).IsEqualTo("{\"inputs\":\"Write about\"}");
        await Assert.That(result.Value.Details!.GeneratedTokens).IsEqualTo(150);
        await Assert.That(result.Value.Details!.Tokens.Count).IsEqualTo(150);
    }

    [Test]
    public async Task GenerateAsync_ApiKeyAndHeaders_AreSent()
    {
        ReplayHandler handler = ReplayHandler.Json(SimpleResponse);
        TgiClientOptions options = new() { ApiKey = "secret" };
        options.Headers["X-Route"] = "blue";
        TgiClient client = handler.CreateClient(options);
        options.Headers["X-Late"] = "ignored";

        await client.GenerateAsync("Hello");

        await Assert.That(handler.Requests[0].Headers["Authorization"]).IsEqualTo("Bearer secret");
        await Assert.That(handler.Requests[0].Headers["X-Route"]).IsEqualTo("blue");
        await Assert.That(handler.Requests[0].Headers.ContainsKey("X-Late")).IsFalse();
    }
}
