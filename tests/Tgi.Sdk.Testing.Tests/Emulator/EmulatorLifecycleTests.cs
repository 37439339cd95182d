// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Text;
using System.Text.Json;
using Tgi.Sdk.Testing.Tests.Faults;
using Tgi.Sdk.Testing.Tests.Support;

namespace Tgi.Sdk.Testing.Tests.Emulator;

public class EmulatorLifecycleTests
{
    [Test]
    public async Task StartAsync_Defaults_ListensOnLoopbackWithTrailingSlash()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        await Assert.That(tgi.BaseAddress.Host).IsEqualTo("127.0.0.1");
        await Assert.That(tgi.BaseAddress.AbsolutePath).IsEqualTo("/");
        await Assert.That(tgi.BaseAddress.Port).IsGreaterThan(0);
        await Assert.That(tgi.Options.ModelId).IsEqualTo("tgi-emulator/tiny-llama");
    }

    [Test]
    public async Task ReceivedRequests_RecordsMethodPathHeadersAndExactBody()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        const string Body = """{"inputs":"Hi","parameters":{"max_new_tokens":2}}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "generate?x=1") { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Trace", "abc");

        await Http.SendAsync(tgi, request);
        await Http.GetAsync(tgi, "/info");

        IReadOnlyList<TgiRecordedRequest> received = tgi.ReceivedRequests;
        await Assert.That(received.Count).IsEqualTo(2);
        await Assert.That(received[0].Method).IsEqualTo("POST");
        await Assert.That(received[0].Path).IsEqualTo("/generate?x=1");
        await Assert.That(received[0].Body).IsEqualTo(Body);
        await Assert.That(received[0].Headers["x-trace"]).IsEqualTo("abc");
        await Assert.That(received[0].Headers["content-type"]).IsEqualTo("application/json; charset=utf-8");
        await Assert.That(received[1].Path).IsEqualTo("/info");
        await Assert.That(received[1].Body).IsEqualTo(string.Empty);
    }

    [Test]
    public async Task OpenConnections_ClientKeepsThenReleasesConnection_CountFollows()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        var client = new HttpClient { BaseAddress = tgi.BaseAddress };

        await client.GetStringAsync("info");
        await tgi.WaitForOpenConnectionsAsync(1, TimeSpan.FromSeconds(5));
        int whileOpen = tgi.OpenConnections;
        client.Dispose();
        await tgi.WaitForOpenConnectionsAsync(0, TimeSpan.FromSeconds(5));

        await Assert.That(whileOpen).IsEqualTo(1);
        await Assert.That(tgi.OpenConnections).IsEqualTo(0);
    }

    [Test]
    public async Task WaitForOpenConnectionsAsync_NeverReached_ThrowsTimeout()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        TimeoutException? error = null;
        try
        {
            await tgi.WaitForOpenConnectionsAsync(3, TimeSpan.FromMilliseconds(50));
        }
        catch (TimeoutException exception)
        {
            error = exception;
        }

        await Assert.That(error).IsNotNull();
    }

    [Test]
    public async Task StreamBreak_ClientDisposesResponse_ConnectionClosesOnServer()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(TgiGenerator.Repeat(" x", 100_000));
        tgi.Faults.TokensPerSecond = 200;
        var client = new HttpClient { BaseAddress = tgi.BaseAddress };
        using (var request = new HttpRequestMessage(HttpMethod.Post, "generate_stream") { Content = new StringContent("""{"inputs":"Hi"}""", Encoding.UTF8, "application/json") })
        using (HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            Stream stream = await response.Content.ReadAsStreamAsync();
            await stream.ReadExactlyAsync(new byte[16]);
            await Assert.That(tgi.OpenConnections).IsEqualTo(1);
        }

        client.Dispose();
        await tgi.WaitForOpenConnectionsAsync(0, TimeSpan.FromSeconds(10));
        await Assert.That(tgi.OpenConnections).IsEqualTo(0);
    }

    [Test]
    public async Task SeveralInstances_RunIsolatedOnSeparatePorts()
    {
        await using TgiEmulator first = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ModelId = "a/one" });
        await using TgiEmulator second = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ModelId = "b/two", WireVersion = TgiWireVersion.V2_4 });
        second.Faults.Unavailable = true;

        Http.Reply one = await Http.GetAsync(first, "/info");
        Http.Reply two = await Http.GetAsync(second, "/info");

        await Assert.That(first.BaseAddress.Port).IsNotEqualTo(second.BaseAddress.Port);
        await Assert.That(one.Json.GetProperty("model_id").GetString()).IsEqualTo("a/one");
        await Assert.That(two.Status).IsEqualTo(HttpStatusCode.ServiceUnavailable);
        await Assert.That(first.ReceivedRequests.Count).IsEqualTo(1);
        await Assert.That(second.ReceivedRequests.Count).IsEqualTo(1);
    }

    [Test]
    public async Task FixedPort_Option_IsHonoured()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Port = port });

        await Assert.That(tgi.BaseAddress.ToString()).IsEqualTo($"http://127.0.0.1:{port}/");
    }

    [Test]
    public async Task Repeat_TenThousandTokensInBulkFlushMode_StreamsEveryToken()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync(TgiGenerator.Repeat(" tok", 10_000), configure: o => o.FlushEveryEvents = 256);

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate_stream", """{"inputs":"Hi"}""");

        List<string> frames = Http.DataFrames(reply.Body);
        await Assert.That(frames.Count).IsEqualTo(10_001);
        using JsonDocument last = JsonDocument.Parse(frames[^1]);
        await Assert.That(last.RootElement.GetProperty("index").GetInt32()).IsEqualTo(10_001);
        await Assert.That(last.RootElement.GetProperty("generated_text").GetString()!.Length).IsEqualTo(40_000);
    }

    [Test]
    public async Task BulkFlush_ProducesSameBytesAsPerEventFlush()
    {
        await using TgiEmulator perEvent = await Scripts.StartAsync(TgiGenerator.Repeat("a", 50));
        await using TgiEmulator bulk = await Scripts.StartAsync(TgiGenerator.Repeat("a", 50), configure: o => o.FlushEveryEvents = 16);

        Http.Reply one = await Http.PostJsonAsync(perEvent, "/v1/chat/completions", """{"messages":[{"role":"user","content":"Hi"}],"stream":true}""");
        Http.Reply two = await Http.PostJsonAsync(bulk, "/v1/chat/completions", """{"messages":[{"role":"user","content":"Hi"}],"stream":true}""");

        await Assert.That(two.Body).IsEqualTo(one.Body);
    }

    [Test]
    public async Task DisposeAsync_Twice_IsHarmless()
    {
        TgiEmulator tgi = await TgiEmulator.StartAsync();

        await tgi.DisposeAsync();
        await tgi.DisposeAsync();

        await Assert.That(tgi.OpenConnections).IsEqualTo(0);
    }

    [Test]
    public async Task IsHealthy_Toggle_AffectsOnlyHealthRoutes()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        tgi.IsHealthy = false;

        Http.Reply generate = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi"}""");
        tgi.IsHealthy = true;
        Http.Reply health = await Http.GetAsync(tgi, "/health");

        await Assert.That(generate.Status).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(health.Status).IsEqualTo(HttpStatusCode.OK);
        await FaultTests.WaitUntilAsync(() => tgi.ReceivedRequests.Count == 2);
    }
}
