// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Tgi.Generated.Models;
using Tgi.Generated.Tests.Infrastructure;

namespace Tgi.Generated.Tests;

public class GenerateTests
{
    // TGI: API.md §4. serde key order; the first prefill token has logprob null (NaN), the EOS token is special.
    private const string DetailsBody = """
        {"generated_text":" Paris.","details":{"finish_reason":"eos_token","generated_tokens":3,"seed":null,"prefill":[{"id":1,"text":"<s>","logprob":null},{"id":415,"text":"The","logprob":-9.7265625}],"tokens":[{"id":5465,"text":" Paris","logprob":-0.40893555,"special":false},{"id":28723,"text":".","logprob":-0.11419678,"special":false},{"id":2,"text":"</s>","logprob":-0.028945923,"special":true}]}}
        """;

    // TGI: API.md §4. with details=false the details key is omitted entirely.
    private const string PlainBody = """{"generated_text":" Paris."}""";

    [Test]
    public async Task PostAsync_WithDetails_ReadsTokensPrefillAndFinishReason()
    {
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(CannedRoute.Post("/generate", DetailsBody));

        GenerateResponse? response = await tgi.Client.Generate.PostAsync(new GenerateRequest
        {
            Inputs = "The capital of France is",
            Parameters = new GenerateParameters { Details = true, DecoderInputDetails = true },
        });

        await Assert.That(response?.GeneratedText).IsEqualTo(" Paris.");
        Details? details = response?.Details;
        await Assert.That(details?.FinishReason).IsEqualTo("eos_token");
        await Assert.That(details?.GeneratedTokens).IsEqualTo(3);
        await Assert.That(details?.Seed).IsNull();
        await Assert.That(details?.Prefill?.Count).IsEqualTo(2);
        await Assert.That(details?.Prefill?[0].Logprob).IsNull();
        await Assert.That(details?.Prefill?[1].Logprob).IsEqualTo(-9.7265625f);
        await Assert.That(details?.Tokens?.Count).IsEqualTo(3);
        await Assert.That(details?.Tokens?[0].Id).IsEqualTo(5465);
        await Assert.That(details?.Tokens?[0].Text).IsEqualTo(" Paris");
        await Assert.That(details?.Tokens?[2].Special).IsTrue();
        await Assert.That(details?.TopTokens).IsNull();
        await Assert.That(details?.BestOfSequences).IsNull();
    }

    [Test]
    public async Task PostAsync_OnlyDetailsSet_SendsNoOtherParameter()
    {
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(CannedRoute.Post("/generate", DetailsBody));

        await tgi.Client.Generate.PostAsync(new GenerateRequest
        {
            Inputs = "The capital of France is",
            Parameters = new GenerateParameters { Details = true },
        });

        // TGI: API.md §3, §9. the server's defaults differ from the upstream spec's (max_new_tokens,
        // details, do_sample), so anything the caller did not set must stay off the wire.
        RecordedRequest sent = tgi.Requests.Single();
        using JsonDocument body = JsonDocument.Parse(sent.Body);
        string[] rootKeys = [.. body.RootElement.EnumerateObject().Select(p => p.Name)];
        string[] parameterKeys = [.. body.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name)];
        await Assert.That(rootKeys).IsEquivalentTo(["inputs", "parameters"]);
        await Assert.That(parameterKeys).IsEquivalentTo(["details"]);
        await Assert.That(body.RootElement.GetProperty("parameters").GetProperty("details").GetBoolean()).IsTrue();
        await Assert.That(sent.ContentType).IsEqualTo("application/json");
    }

    [Test]
    public async Task PostAsync_NoParameters_OmitsParametersKey()
    {
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(CannedRoute.Post("/generate", PlainBody));

        GenerateResponse? response = await tgi.Client.Generate.PostAsync(new GenerateRequest { Inputs = "The capital of France is" });

        // TGI: API.md §3. "parameters": null is a 422, and an absent parameters object means do_sample=true.
        using JsonDocument body = JsonDocument.Parse(tgi.Requests.Single().Body);
        string[] rootKeys = [.. body.RootElement.EnumerateObject().Select(p => p.Name)];
        await Assert.That(rootKeys).IsEquivalentTo(["inputs"]);
        await Assert.That(response?.GeneratedText).IsEqualTo(" Paris.");
        await Assert.That(response?.Details).IsNull();
    }

    [Test]
    public async Task PostAsync_GrammarAndTopTokens_SendsGrammarValueAndReadsNestedTopTokens()
    {
        // TGI: API.md §4. top_tokens is an array per generated token, present only with top_n_tokens > 0.
        const string body = """
            {"generated_text":"{\"a\":1}","details":{"finish_reason":"length","generated_tokens":1,"seed":null,"prefill":[],"tokens":[{"id":6799,"text":"{\"","logprob":-0.1,"special":false}],"top_tokens":[[{"id":6799,"text":"{\"","logprob":-0.1,"special":false},{"id":28751,"text":"{","logprob":-2.5,"special":false}]]}}
            """;
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(CannedRoute.Post("/generate", body));

        GenerateResponse? response = await tgi.Client.Generate.PostAsync(new GenerateRequest
        {
            Inputs = "JSON:",
            Parameters = new GenerateParameters
            {
                Details = true,
                TopNTokens = 2,
                MaxNewTokens = 1,
                Grammar = new GrammarType
                {
                    Type = GrammarKind.Json,
                    Value = new UntypedObject(new Dictionary<string, UntypedNode>
                    {
                        ["properties"] = new UntypedObject(new Dictionary<string, UntypedNode>
                        {
                            ["a"] = new UntypedObject(new Dictionary<string, UntypedNode>
                            {
                                ["type"] = new UntypedString("integer"),
                            }),
                        }),
                    }),
                },
            },
        });

        // TGI: API.md §7. adjacently tagged {"type":"json","value":<schema>}.
        using JsonDocument sent = JsonDocument.Parse(tgi.Requests.Single().Body);
        JsonElement grammar = sent.RootElement.GetProperty("parameters").GetProperty("grammar");
        await Assert.That(grammar.GetProperty("type").GetString()).IsEqualTo("json");
        await Assert.That(grammar.GetProperty("value").GetProperty("properties").GetProperty("a").GetProperty("type").GetString()).IsEqualTo("integer");
        var topTokens = response?.Details?.TopTokens as UntypedArray;
        await Assert.That(topTokens?.GetValue().Count()).IsEqualTo(1);
        await Assert.That(response?.Details?.FinishReason).IsEqualTo("length");
    }
}
