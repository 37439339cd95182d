// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using Tgi.Sdk.Testing.Tests.Support;

namespace Tgi.Sdk.Testing.Tests.Errors;

public class ValidationTests
{
    [Test]
    [Arguments("""{"best_of":2}""", "you must use sampling when `best_of` is > 1")]
    [Arguments("""{"best_of":3,"do_sample":true}""", "`best_of` must be > 0 and <= 2. Given: 3")]
    [Arguments("""{"best_of":2,"do_sample":true,"seed":1}""", "`seed` must not be set when `best_of` > 1")]
    [Arguments("""{"temperature":0}""", "`temperature` must be strictly positive")]
    [Arguments("""{"repetition_penalty":0}""", "`repetition_penalty` must be strictly positive")]
    [Arguments("""{"frequency_penalty":3}""", "`frequency_penalty` must be >= -2.0 and <= 2.0")]
    [Arguments("""{"top_p":1.0}""", "`top_p` must be > 0.0 and < 1.0")]
    [Arguments("""{"top_p":0}""", "`top_p` must be > 0.0 and < 1.0")]
    [Arguments("""{"typical_p":1}""", "`typical_p` must be > 0.0 and < 1.0")]
    [Arguments("""{"top_k":0}""", "`top_k` must be strictly positive")]
    [Arguments("""{"max_new_tokens":0}""", "`max_new_tokens` must be strictly positive")]
    [Arguments("""{"stop":["a","b","c","d","e"]}""", "`stop` supports up to 4 stop sequences. Given: 5")]
    [Arguments("""{"top_n_tokens":6}""", "`top_n_tokens` must be >= 0 and <= 5. Given: 6")]
    [Arguments("""{"truncate":0}""", "`truncate` must be strictly positive and less than 32767. Given: 0")]
    [Arguments("""{"max_new_tokens":5000}""", "`inputs` tokens + `max_new_tokens` must be <= 4096. Given: 2 `inputs` tokens and 1024 `max_new_tokens`")]
    [Arguments("""{"grammar":{"type":"json","value":{"type":"object"}}}""", "grammar is not valid: Grammar must have a 'properties' field")]
    [Arguments("""{"grammar":{"type":"json","value":42}}""", "grammar is not supported")]
    public async Task Generate_InvalidParameter_Returns422WithTgiMessage(string parameters, string message)
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(configure: o => o.MaxTotalTokens = 1025);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", $$"""{"inputs":"Hi","parameters":{{parameters}}}""");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        await Assert.That(reply.ContentType).IsEqualTo("application/json");
        string expected = message.Replace("4096", "1025", StringComparison.Ordinal).Replace("less than 4095", "less than 4095", StringComparison.Ordinal);
        await Assert.That(reply.Body).IsEqualTo($$"""{"error":"Input validation error: {{expected.Replace("\"", "\\\"", StringComparison.Ordinal)}}","error_type":"validation"}""");
    }

    [Test]
    public async Task Generate_EmptyInputs_Returns422()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":""}""");

        await Assert.That(reply.Body).IsEqualTo("""{"error":"Input validation error: `inputs` cannot be empty","error_type":"validation"}""");
    }

    [Test]
    public async Task Generate_PromptLongerThanMaxInputTokens_Returns422()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(configure: o =>
        {
            o.MaxInputTokens = 3;
            o.MaxTotalTokens = 100;
        });

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"one two three four","parameters":{"max_new_tokens":1}}""");

        await Assert.That(reply.Body).IsEqualTo("""{"error":"Input validation error: `inputs` must have less than 3 tokens. Given: 5","error_type":"validation"}""");
    }

    [Test]
    public async Task Generate_GrammarDisabled_Returns422NotSupported()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(configure: o => o.GrammarSupport = false);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi","parameters":{"grammar":{"type":"regex","value":"a+"}}}""");

        await Assert.That(reply.Body).IsEqualTo("""{"error":"Input validation error: grammar is not supported","error_type":"validation"}""");
    }

    [Test]
    public async Task Generate_BestOfWhenMaxBestOfIsOne_Returns422NotAllowed()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(configure: o => o.MaxBestOf = 1);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi","parameters":{"best_of":2,"do_sample":true}}""");

        await Assert.That(reply.Body).IsEqualTo("""{"error":"Input validation error: `best_of` != 1 is not allowed for this endpoint","error_type":"validation"}""");
    }

    [Test]
    public async Task Chat_PresencePenaltyMinusTwo_Returns422RepetitionPenalty()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", """{"messages":[{"role":"user","content":"Hi"}],"presence_penalty":-2}""");

        await Assert.That(reply.Body).IsEqualTo("""{"error":"Input validation error: `repetition_penalty` must be strictly positive","error_type":"validation"}""");
    }

    [Test]
    public async Task Chat_TopLogprobsOverFive_Returns422TopNTokens()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", """{"messages":[{"role":"user","content":"Hi"}],"logprobs":true,"top_logprobs":6}""");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        await Assert.That(reply.Body).IsEqualTo("""{"error":"Input validation error: `top_n_tokens` must be >= 0 and <= 5. Given: 6","error_type":"validation"}""");
    }
}
