// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using Tgi.Sdk.Testing.Tests.Support;

namespace Tgi.Sdk.Testing.Tests.Faults;

public class FaultTests
{
    private const string Chat = """{"messages":[{"role":"user","content":"Hi"}],"stream":true}""";

    [Test]
    public async Task KeepAliveEvery_WithSlowFirstToken_SendsCommentBeforeFirstToken()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.KeepAliveEvery = TimeSpan.FromMilliseconds(20);
        tgi.Faults.TimeToFirstToken = TimeSpan.FromMilliseconds(300);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate_stream", """{"inputs":"Hi"}""");

        int comment = reply.Body.IndexOf(":\n\n", StringComparison.Ordinal);
        await Assert.That(reply.Body.StartsWith(":\n\n", StringComparison.Ordinal)).IsTrue();
        await Assert.That(comment).IsLessThan(reply.Body.IndexOf("data: ", StringComparison.Ordinal));
        await Assert.That(Http.DataFrames(reply.Body).Count).IsEqualTo(3);
    }

    [Test]
    public async Task KeepAliveInterval_SilenceLongerThanInterval_SendsTgiComment()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(configure: o => o.KeepAliveInterval = TimeSpan.FromMilliseconds(30));
        tgi.Faults.TimeToFirstToken = TimeSpan.FromMilliseconds(300);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Chat);

        await Assert.That(reply.Body.StartsWith(":\n\n", StringComparison.Ordinal)).IsTrue();
        await Assert.That(Http.DataFrames(reply.Body)[^1]).IsEqualTo("[DONE]");
    }

    [Test]
    public async Task TokensPerSecond_SlowPace_KeepAlivesArriveBetweenTokens()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.TokensPerSecond = 5;
        tgi.Faults.KeepAliveEvery = TimeSpan.FromMilliseconds(20);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate_stream", """{"inputs":"Hi","parameters":{"max_new_tokens":2}}""");

        int first = reply.Body.IndexOf("data: ", StringComparison.Ordinal);
        int second = reply.Body.IndexOf("data: ", first + 1, StringComparison.Ordinal);
        await Assert.That(reply.Body[first..second].Contains(":\n\n", StringComparison.Ordinal)).IsTrue();
        await Assert.That(Http.DataFrames(reply.Body).Count).IsEqualTo(2);
    }

    [Test]
    public async Task TimeToFirstToken_NonStream_StillAnswersInFull()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.TimeToFirstToken = TimeSpan.FromMilliseconds(50);
        tgi.Faults.TokensPerSecond = 100;

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi"}""");

        await Assert.That(reply.Body).IsEqualTo("""{"generated_text":"Hello world"}""");
    }

    [Test]
    public async Task DisconnectAfterTokens_AbortsConnectionWithoutTerminatingChunk()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.DisconnectAfterTokens = 2;

        RawHttp.RawResponse response = await RawHttp.PostAsync(tgi, "/generate_stream", """{"inputs":"Hi"}""");

        await Assert.That(response.ClosedByServer).IsTrue();
        await Assert.That(response.Complete).IsFalse();
        await Assert.That(Http.DataFrames(response.Dechunked).Count).IsEqualTo(2);
    }

    [Test]
    public async Task DisconnectAfterTokens_HttpClientSeesTruncatedStream()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.DisconnectAfterTokens = 1;
        using HttpClient client = Http.Client(tgi);

        Exception? error = null;
        try
        {
            using var content = new StringContent(Chat, System.Text.Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await client.PostAsync("v1/chat/completions", content);
            await response.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException exception)
        {
            error = exception;
        }

        await Assert.That(error).IsNotNull();
    }

    [Test]
    public async Task StallAfterTokens_SendsNothingMoreAndReleasesConnectionWhenClientLeaves()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.StallAfterTokens = 1;

        RawHttp.RawResponse response = await RawHttp.PostAsync(tgi, "/generate_stream", """{"inputs":"Hi"}""", TimeSpan.FromMilliseconds(400));

        await Assert.That(response.ClosedByServer).IsFalse();
        await Assert.That(Http.DataFrames(response.Dechunked).Count).IsEqualTo(1);
        await tgi.WaitForOpenConnectionsAsync(0, TimeSpan.FromSeconds(10));
        await Assert.That(tgi.OpenConnections).IsEqualTo(0);
    }

    [Test]
    public async Task StallAfterTokens_DisposingEmulator_EndsTheStall()
    {
        TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.StallAfterTokens = 0;
        Task<RawHttp.RawResponse> pending = RawHttp.PostAsync(tgi, "/generate_stream", """{"inputs":"Hi"}""", TimeSpan.FromSeconds(20));
        await WaitUntilAsync(() => tgi.ReceivedRequests.Count == 1);

        await tgi.DisposeAsync();
        RawHttp.RawResponse response = await pending;

        await Assert.That(response.ClosedByServer).IsTrue();
        await Assert.That(Http.DataFrames(response.Dechunked).Count).IsEqualTo(0);
    }

    [Test]
    public async Task OverloadNextRequests_RejectsExactlyKRequestsWith429()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.OverloadNextRequests = 2;

        Http.Reply first = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi"}""");
        Http.Reply second = await Http.PostJsonAsync(tgi, "/v1/chat/completions", """{"messages":[{"role":"user","content":"Hi"}]}""");
        Http.Reply third = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi"}""");

        await Assert.That(first.Status).IsEqualTo(HttpStatusCode.TooManyRequests);
        await Assert.That(first.Body).IsEqualTo("""{"error":"Model is overloaded","error_type":"overloaded"}""");
        await Assert.That(second.Status).IsEqualTo(HttpStatusCode.TooManyRequests);
        await Assert.That(third.Status).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(tgi.Faults.OverloadNextRequests).IsEqualTo(0);
    }

    [Test]
    public async Task OverloadNextRequests_NativeStream_SendsOverloadedEvent()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.OverloadNextRequests = 1;

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate_stream", """{"inputs":"Hi"}""");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(reply.Body).IsEqualTo("data: {\"error\":\"Model is overloaded\",\"error_type\":\"overloaded\"}\n\n");
    }

    [Test]
    public async Task MaxConcurrentRequests_Exceeded_RejectsAtOnce()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(configure: o => o.MaxConcurrentRequests = 1);
        tgi.Faults.StallAfterTokens = 0;
        Task<RawHttp.RawResponse> holding = RawHttp.PostAsync(tgi, "/generate_stream", """{"inputs":"Hi"}""", TimeSpan.FromMilliseconds(600));
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            // The stalled stream holds the only slot once the queue gauge says so.
            while (!(await Http.GetAsync(tgi, "/metrics")).Body.Contains("tgi_queue_size 1\n", StringComparison.Ordinal))
            {
                await Task.Delay(5, cts.Token);
            }
        }

        Http.Reply rejected = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi"}""");
        await holding;

        await Assert.That(rejected.Status).IsEqualTo(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task Unavailable_EveryRouteAnswers503()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.Unavailable = true;

        Http.Reply generate = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi"}""");
        Http.Reply health = await Http.GetAsync(tgi, "/health");
        tgi.Faults.Unavailable = false;
        Http.Reply after = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi"}""");

        await Assert.That(generate.Status).IsEqualTo(HttpStatusCode.ServiceUnavailable);
        await Assert.That(generate.Body).IsEqualTo(string.Empty);
        await Assert.That(health.Status).IsEqualTo(HttpStatusCode.ServiceUnavailable);
        await Assert.That(health.Body).IsEqualTo("""{"error":"unhealthy","error_type":"healthcheck"}""");
        await Assert.That(after.Status).IsEqualTo(HttpStatusCode.OK);
    }

    [Test]
    public async Task ResponseHeadersDelay_ClientWithShorterTimeoutGivesUp()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.ResponseHeadersDelay = TimeSpan.FromSeconds(30);
        using var client = new HttpClient { BaseAddress = tgi.BaseAddress, Timeout = TimeSpan.FromMilliseconds(200) };

        Exception? error = null;
        try
        {
            await client.GetAsync("info");
        }
        catch (TaskCanceledException exception)
        {
            error = exception;
        }

        tgi.Faults.ResponseHeadersDelay = null;
        Http.Reply after = await Http.GetAsync(tgi, "/info");
        await Assert.That(error).IsNotNull();
        await Assert.That(after.Status).IsEqualTo(HttpStatusCode.OK);
    }

    [Test]
    public async Task MalformedEventAfterTokens_WritesCutJsonThenEnds()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.MalformedEventAfterTokens = 1;

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate_stream", """{"inputs":"Hi"}""");

        List<string> frames = Http.DataFrames(reply.Body);
        await Assert.That(frames.Count).IsEqualTo(2);
        await Assert.That(frames[1]).IsEqualTo("{\"index\":");
    }

    [Test]
    public async Task MalformedEventAfterTokens_ChatStream_HasNoDone()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.MalformedEventAfterTokens = 0;

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Chat);

        await Assert.That(Http.DataFrames(reply.Body)).IsEquivalentTo(["{\"index\":"]);
    }

    [Test]
    public async Task OversizeEventBytes_PadsFirstEventOnly()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.OversizeEventBytes = 100_000;

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate_stream", """{"inputs":"Hi"}""");

        List<string> frames = Http.DataFrames(reply.Body);
        await Assert.That(frames[0].Length).IsGreaterThanOrEqualTo(100_000);
        await Assert.That(frames[1].Length).IsLessThan(1_000);
    }

    [Test]
    public async Task GenerationErrorAfterTokens_NativeStream_TokensThenErrorEventThenClose()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.GenerationErrorAfterTokens = 1;

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate_stream", """{"inputs":"Hi"}""");

        List<string> frames = Http.DataFrames(reply.Body);
        await Assert.That(frames.Count).IsEqualTo(2);
        await Assert.That(frames[0].StartsWith("{\"index\":1,", StringComparison.Ordinal)).IsTrue();
        await Assert.That(frames[1]).IsEqualTo("{\"error\":\"Request failed during generation: emulated shard failure\",\"error_type\":\"generation\"}");
    }

    [Test]
    public async Task GenerationErrorAfterTokens_ChatStream_OpenAiErrorThenDone()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.GenerationErrorAfterTokens = 2;

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", Chat);

        List<string> frames = Http.DataFrames(reply.Body);
        await Assert.That(frames.Count).IsEqualTo(4);
        await Assert.That(frames[2]).IsEqualTo("{\"error\":{\"message\":\"Request failed during generation: emulated shard failure\",\"http_status_code\":422}}");
        await Assert.That(frames[3]).IsEqualTo("[DONE]");
    }

    [Test]
    public async Task Reset_ClearsFaultsAndRecordings()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.Faults.Unavailable = true;
        tgi.Faults.OverloadNextRequests = 3;
        tgi.IsHealthy = false;
        await Http.GetAsync(tgi, "/health");

        tgi.Reset();

        await Assert.That(tgi.ReceivedRequests.Count).IsEqualTo(0);
        await Assert.That(tgi.Faults.Unavailable).IsFalse();
        await Assert.That(tgi.Faults.OverloadNextRequests).IsEqualTo(0);
        await Assert.That((await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi"}""")).Status).IsEqualTo(HttpStatusCode.OK);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, cts.Token);
        }
    }
}
