// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using Tgi.Sdk.Testing.Tests.Support;

namespace Tgi.Sdk.Testing.Tests.Errors;

public class StreamErrorTests
{
    [Test]
    public async Task GenerateStream_ValidationError_SendsNativeErrorEventOn200ThenCloses()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate_stream", """{"inputs":"Hi","parameters":{"top_p":1.0}}""");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(reply.Body).IsEqualTo("data: {\"error\":\"Input validation error: `top_p` must be > 0.0 and < 1.0\",\"error_type\":\"validation\"}\n\n");
    }

    [Test]
    public async Task ChatStream_ValidationError_SendsOpenAiErrorThenDone()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", """{"messages":[{"role":"user","content":"Hi"}],"stream":true,"top_p":1.0}""");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(reply.Body).IsEqualTo(
            "data: {\"error\":{\"message\":\"Input validation error: `top_p` must be > 0.0 and < 1.0\",\"http_status_code\":422}}\n\ndata: [DONE]\n\n");
    }

    [Test]
    public async Task ChatStream_Overloaded_StillSays422InsideTheStream()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.OverloadNextRequests = 1;

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", """{"messages":[{"role":"user","content":"Hi"}],"stream":true}""");

        await Assert.That(Http.DataFrames(reply.Body)).IsEquivalentTo(["{\"error\":{\"message\":\"Model is overloaded\",\"http_status_code\":422}}", "[DONE]"]);
    }

    [Test]
    public async Task CompletionsStream_ValidationError_SendsOpenAiErrorThenDone()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/completions", """{"prompt":"Hi","stream":true,"top_p":1}""");

        await Assert.That(Http.DataFrames(reply.Body)).IsEquivalentTo(["{\"error\":{\"message\":\"Input validation error: `top_p` must be > 0.0 and < 1.0\",\"http_status_code\":422}}", "[DONE]"]);
    }

    [Test]
    public async Task GenerateStream_GenerationFailure_SendsGenerationErrorEvent()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.FailNextRequestsWithGenerationError = 1;

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate_stream", """{"inputs":"Hi"}""");

        await Assert.That(Http.DataFrames(reply.Body)).IsEquivalentTo(["{\"error\":\"Request failed during generation: emulated shard failure\",\"error_type\":\"generation\"}"]);
    }

    [Test]
    public async Task Generate_GenerationFailure_Returns424()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.FailNextRequestsWithGenerationError = 1;

        Http.Reply failed = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi"}""");
        Http.Reply next = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi"}""");

        await Assert.That(failed.Status).IsEqualTo(HttpStatusCode.FailedDependency);
        await Assert.That(failed.Body).IsEqualTo("""{"error":"Request failed during generation: emulated shard failure","error_type":"generation"}""");
        await Assert.That(next.Status).IsEqualTo(HttpStatusCode.OK);
    }
}
