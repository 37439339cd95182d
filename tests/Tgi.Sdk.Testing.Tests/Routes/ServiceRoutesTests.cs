// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Text;
using System.Text.Json;
using Tgi.Sdk.Testing.Tests.Support;

namespace Tgi.Sdk.Testing.Tests.Routes;

public class ServiceRoutesTests
{
    [Test]
    public async Task Info_ConfiguredLimits_AreReported()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ModelId = "org/model", MaxInputTokens = 100, MaxTotalTokens = 200 });

        Http.Reply reply = await Http.GetAsync(tgi, "/info");

        await Assert.That(reply.Body).IsEqualTo(
            """{"model_id":"org/model","model_sha":null,"model_pipeline_tag":"text-generation","max_concurrent_requests":128,"max_best_of":2,"max_stop_sequences":4,"max_input_tokens":100,"max_total_tokens":200,"validation_workers":2,"max_client_batch_size":4,"router":"text-generation-router","version":"3.3.6-dev0","sha":null,"docker_label":null}""");
    }

    [Test]
    public async Task Health_Healthy_Returns200EmptyBody()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply health = await Http.GetAsync(tgi, "/health");
        Http.Reply ping = await Http.GetAsync(tgi, "/ping");
        Http.Reply root = await Http.GetAsync(tgi, "/");

        await Assert.That(health.Status).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(health.Body).IsEqualTo(string.Empty);
        await Assert.That(ping.Status).IsEqualTo(HttpStatusCode.OK);
        await Assert.That(root.Status).IsEqualTo(HttpStatusCode.OK);
    }

    [Test]
    public async Task Health_Unhealthy_Returns503HealthcheckError()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        tgi.IsHealthy = false;

        Http.Reply health = await Http.GetAsync(tgi, "/health");
        Http.Reply ping = await Http.GetAsync(tgi, "/ping");

        await Assert.That(health.Status).IsEqualTo(HttpStatusCode.ServiceUnavailable);
        await Assert.That(health.Body).IsEqualTo("""{"error":"unhealthy","error_type":"healthcheck"}""");
        await Assert.That(ping.Status).IsEqualTo(HttpStatusCode.ServiceUnavailable);
    }

    [Test]
    public async Task Metrics_AfterRequests_ServesPrometheusCounters()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();
        await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi"}""");

        Http.Reply reply = await Http.GetAsync(tgi, "/metrics");

        await Assert.That(reply.ContentType).IsEqualTo("text/plain; version=0.0.4");
        await Assert.That(reply.Body.Contains("# TYPE tgi_request_count counter\ntgi_request_count 1\n", StringComparison.Ordinal)).IsTrue();
        await Assert.That(reply.Body.Contains("tgi_request_success 1\n", StringComparison.Ordinal)).IsTrue();
        await Assert.That(reply.Body.Contains("tgi_request_generated_tokens_total 3\n", StringComparison.Ordinal)).IsTrue();
    }

    [Test]
    public async Task Models_Get_ReturnsListWrapper()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ModelId = "org/model" });

        Http.Reply reply = await Http.GetAsync(tgi, "/v1/models");

        await Assert.That(reply.Body).IsEqualTo("""{"object":"list","data":[{"id":"org/model","object":"model","created":0,"owned_by":"org/model"}]}""");
    }

    [Test]
    public async Task Tokenize_NonAsciiInput_ReturnsUtf8ByteOffsets()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        const string Inputs = "Hi café 日本€!";

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/tokenize", $$"""{"inputs":"{{Inputs}}"}""");

        JsonElement tokens = reply.Json;
        await Assert.That(tokens[0].GetProperty("text").GetString()).IsEqualTo("<s>");
        await Assert.That(tokens[0].GetProperty("start").GetInt32()).IsEqualTo(0);
        await Assert.That(tokens[0].GetProperty("stop").GetInt32()).IsEqualTo(0);
        byte[] utf8 = Encoding.UTF8.GetBytes(Inputs);
        var rebuilt = new StringBuilder();
        for (int i = 1; i < tokens.GetArrayLength(); i++)
        {
            int start = tokens[i].GetProperty("start").GetInt32();
            int stop = tokens[i].GetProperty("stop").GetInt32();
            string slice = Encoding.UTF8.GetString(utf8, start, stop - start);
            await Assert.That(slice).IsEqualTo(tokens[i].GetProperty("text").GetString());
            rebuilt.Append(slice);
        }

        await Assert.That(rebuilt.ToString()).IsEqualTo(Inputs);
    }

    [Test]
    public async Task Tokenize_Truncate_KeepsLastTokens()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/tokenize", """{"inputs":"one two three","parameters":{"truncate":2}}""");

        await Assert.That(string.Join("|", reply.Json.EnumerateArray().Select(t => t.GetProperty("text").GetString()))).IsEqualTo(" two| three");
    }

    [Test]
    public async Task UnknownRoute_Returns404EmptyBody()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.GetAsync(tgi, "/nope");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.NotFound);
        await Assert.That(reply.Body).IsEqualTo(string.Empty);
    }

    [Test]
    public async Task WrongMethod_Returns405EmptyBody()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.GetAsync(tgi, "/generate");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.MethodNotAllowed);
        await Assert.That(reply.Body).IsEqualTo(string.Empty);
    }

    [Test]
    [Arguments("""{"inputs":"Hi","parameters":{}}""", "[{\"generated_text\":")]
    [Arguments("""{"messages":[{"role":"user","content":"Hi"}]}""", "{\"object\":\"chat.completion\"")]
    [Arguments("""{"prompt":"Hi"}""", "{\"object\":\"text_completion\"")]
    public async Task Invocations_UnionBody_DispatchesByShape(string body, string expectedStart)
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/invocations", body);

        await Assert.That(reply.Body.StartsWith(expectedStart, StringComparison.Ordinal)).IsTrue();
    }
}
