// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using Tgi.Sdk.Introspection;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Introspection;

public class IntrospectionTests
{
    [Test]
    public async Task GetHealthAsync_503_IsUnhealthyNotAnException()
    {
        TgiClient client = ReplayHandler.Json("{\"error\":\"unhealthy\",\"error_type\":\"healthcheck\"}", HttpStatusCode.ServiceUnavailable).CreateClient();

        TgiResult<TgiHealthStatus> result = await client.GetHealthAsync();

        await Assert.That(result.Value).IsEqualTo(TgiHealthStatus.Unhealthy);
        await Assert.That(result.GetRawResponse().Status).IsEqualTo(503);
    }

    [Test]
    public async Task GetHealthAsync_200_IsHealthy()
    {
        ReplayHandler handler = ReplayHandler.Text(HttpStatusCode.OK, string.Empty);

        TgiResult<TgiHealthStatus> result = await handler.CreateClient().GetHealthAsync();

        await Assert.That(result.Value).IsEqualTo(TgiHealthStatus.Healthy);
        await Assert.That(handler.Requests[0].Method).IsEqualTo("GET");
        await Assert.That(handler.Requests[0].Path).IsEqualTo("/health");
    }

    [Test]
    public async Task GetInfoAsync_Tgi20Info_FallsBackToMaxInputLength()
    {
        TgiClient client = ReplayHandler.Json("{\"model_id\":\"m\",\"max_input_length\":1024,\"max_total_tokens\":2048,\"max_best_of\":2,\"router\":\"text-generation-router\",\"version\":\"2.0.1\"}").CreateClient();

        TgiInfo info = (await client.GetInfoAsync()).Value;

        await Assert.That(info.ModelId).IsEqualTo("m");
        await Assert.That(info.MaxInputTokens).IsEqualTo(1024);
        await Assert.That(info.MaxTotalTokens).IsEqualTo(2048);
        await Assert.That(info.Version).IsEqualTo("2.0.1");
    }

    [Test]
    public async Task ListModelsAsync_ListObject_IsRead()
    {
        TgiClient client = ReplayHandler.Json("{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"object\":\"model\",\"created\":0,\"owned_by\":\"m\"}]}").CreateClient();

        IReadOnlyList<TgiModelInfo> models = (await client.ListModelsAsync()).Value;

        await Assert.That(models.Count).IsEqualTo(1);
        await Assert.That(models[0].Id).IsEqualTo("m");
        await Assert.That(models[0].OwnedBy).IsEqualTo("m");
    }

    [Test]
    public async Task TokenizeAsync_SendsTruncateAndReadsOffsets()
    {
        ReplayHandler handler = ReplayHandler.Json("[{\"id\":1,\"text\":\"<s>\",\"start\":0,\"stop\":0},{\"id\":15043,\"text\":\"Hello\",\"start\":0,\"stop\":5}]");

        IReadOnlyList<TokenizedToken> tokens = (await handler.CreateClient().TokenizeAsync("Hello", new Tgi.Sdk.Generate.GenerateOptions { Truncate = 10 })).Value;

        await Assert.That(handler.Requests[0].Body).IsEqualTo("{\"inputs\":\"Hello\",\"parameters\":{\"truncate\":10}}");
        await Assert.That(tokens[1].Text).IsEqualTo("Hello");
        await Assert.That(tokens[1].Stop).IsEqualTo(5);
    }

    [Test]
    public async Task ChatTokenizeAsync_ReadsTemplatedText()
    {
        ReplayHandler handler = ReplayHandler.Json("{\"tokenize_response\":[{\"id\":1,\"text\":\"<s>\",\"start\":0,\"stop\":3}],\"templated_text\":\"<s>[INST] Hi [/INST]\"}");

        ChatTokenizeResult result = (await handler.CreateClient().ChatTokenizeAsync([Tgi.Sdk.Chat.ChatMessage.CreateUser("Hi")])).Value;

        await Assert.That(handler.Requests[0].Path).IsEqualTo("/chat_tokenize");
        await Assert.That(result.TemplatedText).IsEqualTo("<s>[INST] Hi [/INST]");
        await Assert.That(result.Tokens.Count).IsEqualTo(1);
    }

    [Test]
    public async Task GetMetricsAsync_PrometheusText_IsParsed()
    {
        const string text = "# HELP tgi_request_count Requests\n# TYPE tgi_request_count counter\ntgi_request_count 7\n"
            + "tgi_request_duration_bucket{method=\"generate\",le=\"0.5\"} 3\ntgi_request_duration_bucket{le=\"+Inf\"} 4 1700000000000\ntgi_queue_size NaN\n";
        TgiClient client = ReplayHandler.Text(HttpStatusCode.OK, text).CreateClient();

        IReadOnlyList<TgiMetric> metrics = (await client.GetMetricsAsync()).Value;

        await Assert.That(metrics.Count).IsEqualTo(4);
        await Assert.That(metrics[0].Name).IsEqualTo("tgi_request_count");
        await Assert.That(metrics[0].Value).IsEqualTo(7d);
        await Assert.That(metrics[1].Labels["method"]).IsEqualTo("generate");
        await Assert.That(metrics[1].Labels["le"]).IsEqualTo("0.5");
        await Assert.That(metrics[2].Labels["le"]).IsEqualTo("+Inf");
        await Assert.That(metrics[2].Value).IsEqualTo(4d);
        await Assert.That(double.IsNaN(metrics[3].Value)).IsTrue();
    }
}
