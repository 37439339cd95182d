// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.GeneratedModels;

/// <summary>The generated request builders' routes under an endpoint that has a path (a TGI behind a proxy prefix).</summary>
public class EndpointPathTests
{
    [Test]
    [Arguments("http://proxy.invalid/tgi/")]
    [Arguments("http://proxy.invalid/tgi")]
    public async Task EveryRoute_StaysUnderTheEndpointsPath(string endpoint)
    {
        ReplayHandler handler = new(request => request.RequestUri!.AbsolutePath switch
        {
            "/tgi/generate" => ReplayHandler.Response(HttpStatusCode.OK, "{\"generated_text\":\"x\"}", "application/json"),
            "/tgi/" => ReplayHandler.Response(HttpStatusCode.OK, "[{\"generated_text\":\"x\"}]", "application/json"),
            "/tgi/v1/chat/completions" => ReplayHandler.Response(HttpStatusCode.OK, "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"x\"},\"finish_reason\":\"stop\"}]}", "application/json"),
            "/tgi/health" => ReplayHandler.Response(HttpStatusCode.OK, string.Empty, "text/plain"),
            "/tgi/metrics" => ReplayHandler.Response(HttpStatusCode.OK, "tgi_request_count 1\n", "text/plain"),
            _ => ReplayHandler.Response(HttpStatusCode.NotFound, string.Empty, "text/plain"),
        });
        TgiClient client = handler.CreateClient(new TgiClientOptions { Endpoint = new Uri(endpoint) });

        await client.GenerateAsync("a");
        await client.GenerateCompatAsync("a");
        await client.ChatAsync([ChatMessage.CreateUser("a")]);
        await client.GetHealthAsync();
        await client.GetMetricsAsync();

        await Assert.That(handler.Requests.Select(r => r.Path)).IsEquivalentTo(["/tgi/generate", "/tgi/", "/tgi/v1/chat/completions", "/tgi/health", "/tgi/metrics"]);
    }
}
