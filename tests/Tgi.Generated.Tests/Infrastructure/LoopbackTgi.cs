// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Tgi.Generated.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 that replays hand-written TGI bodies, plus a generated
/// <see cref="TgiRawClient"/> wired to it, so tests cover Kiota's real HTTP and JSON path.
/// </summary>
internal sealed class LoopbackTgi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _httpClient;
    private readonly HttpClientRequestAdapter _adapter;
    private readonly ConcurrentQueue<RecordedRequest> _requests;

    private LoopbackTgi(WebApplication app, ConcurrentQueue<RecordedRequest> requests, Uri baseAddress)
    {
        _app = app;
        _requests = requests;
        BaseAddress = baseAddress;
        // Our own HttpClient: Kiota's default one carries a RetryHandler (KIOTA.md), and the
        // proxy is switched off so that nothing but loopback is ever contacted.
        _httpClient = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
        _adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: _httpClient)
        {
            BaseUrl = baseAddress.AbsoluteUri.TrimEnd('/'),
        };
        Client = new TgiRawClient(_adapter);
    }

    public Uri BaseAddress { get; }

    public TgiRawClient Client { get; }

    /// <summary>Requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<LoopbackTgi> StartAsync(params CannedRoute[] routes)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        var requests = new ConcurrentQueue<RecordedRequest>();
        foreach (CannedRoute route in routes)
        {
            RequestDelegate handler = async context =>
            {
                using var reader = new StreamReader(context.Request.Body);
                string body = await reader.ReadToEndAsync(context.RequestAborted);
                requests.Enqueue(new RecordedRequest(
                    context.Request.Method,
                    context.Request.Path.Value ?? string.Empty,
                    context.Request.ContentType,
                    context.Request.Headers.Accept.ToString(),
                    body));
                context.Response.StatusCode = route.StatusCode;
                if (route.ContentType is not null)
                {
                    context.Response.ContentType = route.ContentType;
                }

                await context.Response.WriteAsync(route.Body, context.RequestAborted);
            };
            _ = route.Method == "GET" ? app.MapGet(route.Path, handler) : app.MapPost(route.Path, handler);
        }

        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackTgi(app, requests, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        _adapter.Dispose();
        _httpClient.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
