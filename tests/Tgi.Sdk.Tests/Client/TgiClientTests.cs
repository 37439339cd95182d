// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Generate;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Client;

public class TgiClientTests
{
    [Test]
    public async Task Constructor_RelativeOrNonHttpEndpoint_ThrowsArgumentException()
    {
        await Assert.That(() => new TgiClient(new Uri("/relative", UriKind.Relative))).Throws<ArgumentException>();
        await Assert.That(() => new TgiClient(new Uri("ftp://127.0.0.1/"))).Throws<ArgumentException>();
    }

    [Test]
    public async Task Constructor_HttpClientWithoutAnyBaseAddress_ThrowsArgumentException()
    {
        using HttpClient http = new();

        await Assert.That(() => new TgiClient(http)).Throws<ArgumentException>();
    }

    [Test]
    public async Task Constructor_BadOptions_ThrowArgumentOutOfRange()
    {
        Uri endpoint = new("http://127.0.0.1:9/");

        await Assert.That(() => new TgiClient(endpoint, new TgiClientOptions { MaxEventSize = 0 })).Throws<ArgumentOutOfRangeException>();
        await Assert.That(() => new TgiClient(endpoint, new TgiClientOptions { RequestTimeout = TimeSpan.Zero })).Throws<ArgumentOutOfRangeException>();
        await Assert.That(() => new TgiClient(endpoint, new TgiClientOptions { StreamIdleTimeout = TimeSpan.FromSeconds(-2) })).Throws<ArgumentOutOfRangeException>();
    }

    [Test]
    public async Task Constructor_EndpointWithPathAndNoTrailingSlash_KeepsThePath()
    {
        ReplayHandler handler = ReplayHandler.Json("{\"generated_text\":\"x\"}");
        TgiClient client = new(new HttpClient(handler), new TgiClientOptions { Endpoint = new Uri("http://127.0.0.1:9/models/llama") });

        await client.GenerateAsync("Hi");

        await Assert.That(client.Endpoint.AbsoluteUri).IsEqualTo("http://127.0.0.1:9/models/llama/");
        await Assert.That(handler.Requests[0].Path).IsEqualTo("/models/llama/generate");
    }

    [Test]
    public async Task Constructor_HttpClientBaseAddress_IsUsedWhenOptionsHaveNone()
    {
        ReplayHandler handler = ReplayHandler.Json("{\"generated_text\":\"x\"}");
        TgiClient client = new(new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:9/") });

        TgiResult<GenerateResponse> result = await client.GenerateAsync("Hi");

        await Assert.That(result.Value.GeneratedText).IsEqualTo("x");
    }

    [Test]
    public async Task Options_ChangedAfterConstruction_DoNotAffectTheClient()
    {
        ReplayHandler handler = ReplayHandler.Json("{\"generated_text\":\"x\"}");
        TgiClientOptions options = new() { Endpoint = new Uri("http://127.0.0.1:9/"), ApiKey = "first" };
        TgiClient client = new(new HttpClient(handler), options);
        options.ApiKey = "second";
        options.Endpoint = new Uri("http://127.0.0.1:10/");

        await client.GenerateAsync("Hi");

        await Assert.That(handler.Requests[0].Headers["Authorization"]).IsEqualTo("Bearer first");
        await Assert.That(client.Endpoint.Port).IsEqualTo(9);
    }

    [Test]
    public async Task StreamingOptions_ChangedAfterTheCall_AreNotSent()
    {
        ReplayHandler handler = ReplayHandler.Sse(Sse.Frame(Sse.ThreeTokenGenerate()));
        GenerateOptions options = new() { MaxNewTokens = 3 };
        TgiStreamingResult<GenerateStreamUpdate> stream = handler.CreateClient().GenerateStreamingAsync("Hi", options);
        options.MaxNewTokens = 999;

        await Expect.ToListAsync(stream);

        await Assert.That(handler.Requests[0].Body).IsEqualTo("{\"inputs\":\"Hi\",\"parameters\":{\"max_new_tokens\":3}}");
    }

    [Test]
    public async Task StreamingResult_EnumeratedTwice_SendsTwoRequests()
    {
        ReplayHandler handler = ReplayHandler.Sse(Sse.Frame(Sse.ThreeTokenGenerate()));
        TgiStreamingResult<GenerateStreamUpdate> stream = handler.CreateClient().GenerateStreamingAsync("Hi");

        List<GenerateStreamUpdate> first = await Expect.ToListAsync(stream);
        List<GenerateStreamUpdate> second = await Expect.ToListAsync(stream);

        await Assert.That(second.Count).IsEqualTo(first.Count);
        await Assert.That(handler.Requests.Count).IsEqualTo(2);
    }

    [Test]
    public async Task Mock_SubclassOverridingVirtualMethod_NeedsNoServer()
    {
        TgiClient client = new FakeClient();

        TgiResult<GenerateResponse> result = await client.GenerateAsync("Hi");

        await Assert.That(result.Value.GeneratedText).IsEqualTo("mocked");
        await Assert.That(result.GetRawResponse().QueueTime).IsEqualTo(TimeSpan.FromMilliseconds(5));
    }

    [Test]
    public async Task Mock_StreamingFromModelFactory_YieldsTheUpdates()
    {
        TgiClient client = new FakeClient();

        TgiStreamingResult<Tgi.Sdk.Chat.ChatCompletionUpdate> stream = client.ChatStreamingAsync([Tgi.Sdk.Chat.ChatMessage.CreateUser("Hi")]);
        List<Tgi.Sdk.Chat.ChatCompletionUpdate> updates = await Expect.ToListAsync(stream);

        await Assert.That(string.Concat(updates.Select(u => u.ContentDelta))).IsEqualTo("Hello");
        await Assert.That(updates[^1].FinishReason).IsEqualTo(FinishReason.Stop);
        await Assert.That(stream.GetRawResponse().Status).IsEqualTo(200);
    }

    private sealed class FakeClient : TgiClient
    {
        public override TgiStreamingResult<Tgi.Sdk.Chat.ChatCompletionUpdate> ChatStreamingAsync(IEnumerable<Tgi.Sdk.Chat.ChatMessage> messages, Tgi.Sdk.Chat.ChatCompletionOptions? options = null, CancellationToken cancellationToken = default) =>
            TgiModelFactory.StreamingResult(
            [
                new Tgi.Sdk.Chat.ChatCompletionUpdate(null, "m", 0, null, Tgi.Sdk.Chat.ChatRole.Assistant, "Hel", null, null, null, null),
                new Tgi.Sdk.Chat.ChatCompletionUpdate(null, "m", 0, null, Tgi.Sdk.Chat.ChatRole.Assistant, "lo", null, FinishReason.Stop, null, null),
            ]);

        public override Task<TgiResult<GenerateResponse>> GenerateAsync(string inputs, GenerateOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(TgiModelFactory.Result(new GenerateResponse("mocked", null), 200, [new("x-queue-time", "5")]));
    }
}
