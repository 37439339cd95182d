// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Text.Json;
using Tgi.Sdk.Testing.Tests.Support;

namespace Tgi.Sdk.Testing.Tests.Routes;

public class GenerateTests
{
    [Test]
    public async Task Generate_NoDetails_ReturnsOnlyGeneratedText()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi","parameters":{}}""");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(reply.ContentType).IsEqualTo("application/json");
        await Assert.That(reply.Body).IsEqualTo("""{"generated_text":"Hello world"}""");
    }

    [Test]
    public async Task Generate_Details_WritesDetailsInTgiKeyOrder()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi","parameters":{"details":true}}""");

        await Assert.That(reply.Body).IsEqualTo(
            """{"generated_text":"Hello world","details":{"finish_reason":"eos_token","generated_tokens":3,"seed":null,"prefill":[],"tokens":[{"id":10,"text":"Hello","logprob":-0.5,"special":false},{"id":11,"text":" world","logprob":-0.25,"special":false},{"id":2,"text":"</s>","logprob":-0.125,"special":true}]}}""");
    }

    [Test]
    public async Task Generate_DecoderInputDetails_ReturnsPrefillWithNullFirstLogprob()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi there","parameters":{"decoder_input_details":true}}""");

        JsonElement prefill = reply.Json.GetProperty("details").GetProperty("prefill");
        await Assert.That(prefill.GetArrayLength()).IsEqualTo(3);
        await Assert.That(prefill[0].GetRawText()).IsEqualTo("""{"id":1,"text":"<s>","logprob":null}""");
        await Assert.That(prefill[1].GetProperty("text").GetString()).IsEqualTo("Hi");
        await Assert.That(prefill[2].GetProperty("text").GetString()).IsEqualTo(" there");
    }

    [Test]
    public async Task Generate_MaxNewTokens_StopsWithLength()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi","parameters":{"max_new_tokens":1,"details":true}}""");

        JsonElement details = reply.Json.GetProperty("details");
        await Assert.That(reply.Json.GetProperty("generated_text").GetString()).IsEqualTo("Hello");
        await Assert.That(details.GetProperty("finish_reason").GetString()).IsEqualTo("length");
        await Assert.That(details.GetProperty("generated_tokens").GetInt32()).IsEqualTo(1);
    }

    [Test]
    public async Task Generate_StopSequence_KeepsStopTextAndReportsStopSequence()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(TgiGenerator.Scripted("The", " cat", " sat", " down"));

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi","parameters":{"stop":["cat"],"details":true}}""");

        await Assert.That(reply.Json.GetProperty("generated_text").GetString()).IsEqualTo("The cat");
        await Assert.That(reply.Json.GetProperty("details").GetProperty("finish_reason").GetString()).IsEqualTo("stop_sequence");
        await Assert.That(reply.Json.GetProperty("details").GetProperty("generated_tokens").GetInt32()).IsEqualTo(2);
    }

    [Test]
    public async Task Generate_ReturnFullText_PrependsPrompt()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Say: ","parameters":{"return_full_text":true}}""");

        await Assert.That(reply.Body).IsEqualTo("""{"generated_text":"Say: Hello world"}""");
    }

    [Test]
    public async Task Generate_TopNTokens_AddsTopTokensPerGeneratedToken()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi","parameters":{"details":true,"top_n_tokens":2}}""");

        JsonElement topTokens = reply.Json.GetProperty("details").GetProperty("top_tokens");
        await Assert.That(topTokens.GetArrayLength()).IsEqualTo(3);
        await Assert.That(topTokens[0].GetArrayLength()).IsEqualTo(2);
        await Assert.That(topTokens[0][0].GetRawText()).IsEqualTo("""{"id":10,"text":"Hello","logprob":-0.5,"special":false}""");
    }

    [Test]
    public async Task Generate_BestOf_ReturnsOtherSequencesWithSeeds()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi","parameters":{"best_of":2,"do_sample":true,"details":true}}""");

        JsonElement details = reply.Json.GetProperty("details");
        await Assert.That(details.GetProperty("seed").ValueKind).IsEqualTo(JsonValueKind.Number);
        JsonElement others = details.GetProperty("best_of_sequences");
        await Assert.That(others.GetArrayLength()).IsEqualTo(1);
        string[] keys = [.. others[0].EnumerateObject().Select(p => p.Name)];
        await Assert.That(string.Join(",", keys)).IsEqualTo("generated_text,finish_reason,generated_tokens,seed,prefill,tokens");
        await Assert.That(others[0].GetProperty("seed").ValueKind).IsEqualTo(JsonValueKind.Number);
    }

    [Test]
    public async Task Generate_WithoutBestOfOrTopN_OmitsThoseKeys()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi","parameters":{"details":true}}""");

        JsonElement details = reply.Json.GetProperty("details");
        await Assert.That(details.TryGetProperty("best_of_sequences", out _)).IsFalse();
        await Assert.That(details.TryGetProperty("top_tokens", out _)).IsFalse();
    }

    [Test]
    public async Task Generate_Sampling_EchoesSeed()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi","parameters":{"details":true,"do_sample":true,"seed":42}}""");

        await Assert.That(reply.Json.GetProperty("details").GetProperty("seed").GetUInt64()).IsEqualTo(42UL);
    }

    [Test]
    public async Task Generate_Success_SendsTgiTimingHeaders()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi é","parameters":{}}""");

        await Assert.That(reply.Header("x-compute-type")).IsEqualTo("gpu+optimized");
        await Assert.That(reply.Header("x-compute-characters")).IsEqualTo("4");
        await Assert.That(reply.Header("x-prompt-tokens")).IsEqualTo("4");
        await Assert.That(reply.Header("x-generated-tokens")).IsEqualTo("3");
        foreach (string name in new[] { "x-compute-time", "x-total-time", "x-validation-time", "x-queue-time", "x-inference-time", "x-time-per-token" })
        {
            await Assert.That(double.TryParse(reply.Header(name), System.Globalization.CultureInfo.InvariantCulture, out _)).IsTrue();
        }
    }

    [Test]
    public async Task Compat_PostRoot_ReturnsArrayWithFullTextByDefault()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/", """{"inputs":"Hi: ","parameters":{}}""");

        await Assert.That(reply.Body).IsEqualTo("""[{"generated_text":"Hi: Hello world"}]""");
    }

    [Test]
    public async Task Compat_StreamTrue_StreamsLikeGenerateStream()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/", """{"inputs":"Hi","stream":true,"parameters":{"return_full_text":false}}""");

        await Assert.That(reply.ContentType).IsEqualTo("text/event-stream");
        await Assert.That(Http.DataFrames(reply.Body).Count).IsEqualTo(3);
    }

    [Test]
    public async Task GenerateStream_Default_FramesEveryTokenAndEndsWithoutDone()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate_stream", """{"inputs":"Hi","parameters":{"details":true}}""");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(reply.Body).IsEqualTo(
            "data: {\"index\":1,\"token\":{\"id\":10,\"text\":\"Hello\",\"logprob\":-0.5,\"special\":false},\"generated_text\":null,\"details\":null}\n\n" +
            "data: {\"index\":2,\"token\":{\"id\":11,\"text\":\" world\",\"logprob\":-0.25,\"special\":false},\"generated_text\":null,\"details\":null}\n\n" +
            "data: {\"index\":3,\"token\":{\"id\":2,\"text\":\"</s>\",\"logprob\":-0.125,\"special\":true},\"generated_text\":\"Hello world\",\"details\":{\"finish_reason\":\"eos_token\",\"generated_tokens\":3,\"seed\":null,\"input_length\":2}}\n\n");
    }

    [Test]
    public async Task GenerateStream_NoDetails_SendsNullDetailsOnLastEvent()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate_stream", """{"inputs":"Hi","parameters":{}}""");

        JsonElement last = Http.JsonFrames(reply.Body)[^1];
        await Assert.That(last.GetProperty("generated_text").GetString()).IsEqualTo("Hello world");
        await Assert.That(last.GetProperty("details").ValueKind).IsEqualTo(JsonValueKind.Null);
    }

    [Test]
    public async Task GenerateStream_TopNTokens_AddsTopTokensAfterToken()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate_stream", """{"inputs":"Hi","parameters":{"top_n_tokens":1}}""");

        string first = Http.DataFrames(reply.Body)[0];
        await Assert.That(first).IsEqualTo("""{"index":1,"token":{"id":10,"text":"Hello","logprob":-0.5,"special":false},"top_tokens":[{"id":10,"text":"Hello","logprob":-0.5,"special":false}],"generated_text":null,"details":null}""");
    }

    [Test]
    public async Task GenerateStream_Headers_AreTgiStreamHeaders()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate_stream", """{"inputs":"Hi","parameters":{}}""");

        await Assert.That(reply.ContentType).IsEqualTo("text/event-stream");
        await Assert.That(reply.Header("cache-control")).IsEqualTo("no-cache");
        await Assert.That(reply.Header("x-accel-buffering")).IsEqualTo("no");
        await Assert.That(reply.Header("x-compute-type")).IsEqualTo("gpu+optimized");
        await Assert.That(reply.Header("x-compute-characters")).IsEqualTo("2");
    }

    [Test]
    public async Task GenerateStream_BestOf_SendsErrorEventOn200()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate_stream", """{"inputs":"Hi","parameters":{"best_of":2,"do_sample":true}}""");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(reply.Body).IsEqualTo("data: {\"error\":\"Input validation error: `best_of` != 1 is not supported when streaming tokens\",\"error_type\":\"validation\"}\n\n");
    }

    [Test]
    public async Task GenerateStream_DecoderInputDetails_SendsErrorEvent()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate_stream", """{"inputs":"Hi","parameters":{"decoder_input_details":true}}""");

        await Assert.That(Http.DataFrames(reply.Body)).IsEquivalentTo(["{\"error\":\"Input validation error: `decoder_input_details` == true is not supported when streaming tokens\",\"error_type\":\"validation\"}"]);
    }

    [Test]
    public async Task GenerateStream_NonAsciiAndControlText_IsEscapedAsSerdeDoes()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(TgiGenerator.Scripted([new TgiGeneratedToken(5, "café 🙂 <b>\u001b\"", -1f)]));

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate_stream", """{"inputs":"Hi"}""");

        await Assert.That(Http.DataFrames(reply.Body)[0]).IsEqualTo("{\"index\":1,\"token\":{\"id\":5,\"text\":\"café 🙂 <b>\\u001b\\\"\",\"logprob\":-1.0,\"special\":false},\"generated_text\":\"café 🙂 <b>\\u001b\\\"\",\"details\":null}");
    }
}
