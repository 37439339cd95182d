// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Text.Json;
using Tgi.Sdk.Testing.Tests.Support;

namespace Tgi.Sdk.Testing.Tests.Routes;

public class CompletionsTests
{
    [Test]
    public async Task Completions_SinglePrompt_ReturnsExactCompletion()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/completions", """{"model":"tgi","prompt":"Hi"}""");

        await Assert.That(reply.Body).IsEqualTo(
            """{"object":"text_completion","id":"","created":1700000000,"model":"tgi-emulator/tiny-llama","system_fingerprint":"3.3.6-dev0-native","choices":[{"index":0,"text":"Hello world","logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":2,"completion_tokens":3,"total_tokens":5}}""");
    }

    [Test]
    public async Task Completions_PromptArray_OneChoicePerPromptAndSummedUsage()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/completions", """{"prompt":["a","b c","d"],"max_tokens":1}""");

        JsonElement choices = reply.Json.GetProperty("choices");
        await Assert.That(choices.GetArrayLength()).IsEqualTo(3);
        await Assert.That(choices[2].GetProperty("index").GetInt32()).IsEqualTo(2);
        await Assert.That(choices[2].GetProperty("finish_reason").GetString()).IsEqualTo("length");
        await Assert.That(reply.Json.GetProperty("usage").GetRawText()).IsEqualTo("""{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10}""");
    }

    [Test]
    public async Task CompletionsStream_TwoPrompts_InterleaveWithEmptyFinishReasonThenFinals()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/completions", """{"prompt":["a","b"],"stream":true}""");

        List<string> frames = Http.DataFrames(reply.Body);
        await Assert.That(frames.Count).IsEqualTo(7);
        await Assert.That(frames[0]).IsEqualTo("""{"object":"text_completion","id":"","created":1700000000,"choices":[{"index":0,"text":"Hello","logprobs":null,"finish_reason":""}],"model":"tgi-emulator/tiny-llama","system_fingerprint":"3.3.6-dev0-native"}""");
        await Assert.That(frames[1]).IsEqualTo("""{"object":"text_completion","id":"","created":1700000000,"choices":[{"index":1,"text":"Hello","logprobs":null,"finish_reason":""}],"model":"tgi-emulator/tiny-llama","system_fingerprint":"3.3.6-dev0-native"}""");
        await Assert.That(frames[4]).IsEqualTo("""{"object":"text_completion","id":"","created":1700000000,"model":"tgi-emulator/tiny-llama","system_fingerprint":"3.3.6-dev0-native","choices":[{"index":0,"text":"","logprobs":null,"finish_reason":"eos_token"}],"usage":{"prompt_tokens":2,"completion_tokens":3,"total_tokens":5}}""");
        await Assert.That(frames[6]).IsEqualTo("[DONE]");
    }

    [Test]
    public async Task Completions_Suffix_Returns422()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/completions", """{"prompt":"a","suffix":"b"}""");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        await Assert.That(reply.Body).IsEqualTo("""{"error":"Suffix is not supported and can be achieved by preprocessing the prompt.","error_type":"suffix not supported"}""");
    }

    [Test]
    public async Task Completions_TooManyPrompts_Returns422BatchSizeExceeded()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/completions", """{"prompt":["a","b","c","d","e"]}""");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        await Assert.That(reply.Body).IsEqualTo("""{"error":"Number of prompts exceeds the maximum allowed batch size of 4","error_type":"batch size exceeded"}""");
    }

    [Test]
    public async Task Completions_EmptyPromptArray_Returns422PlainText()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/completions", """{"prompt":[]}""");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        await Assert.That(reply.ContentType).IsEqualTo("text/plain; charset=utf-8");
        await Assert.That(reply.Body).IsEqualTo("Failed to deserialize the JSON body into the target type: prompt: Empty array detected. Do not use an empty array for the prompt. at line 1 column 12");
    }
}
