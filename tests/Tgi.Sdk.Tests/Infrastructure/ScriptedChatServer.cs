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

namespace Tgi.Sdk.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 whose <c>POST /v1/chat/completions</c> answers with scripted bodies in turn,
/// for wire shapes the emulator never produces (TGI returns one tool call per turn; vLLM and OpenAI return several).
/// </summary>
internal sealed class ScriptedChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _bodies = new();

    private ScriptedChatServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new TgiClient(baseAddress);
    }

    public Uri BaseAddress { get; }

    public TgiClient Client { get; }

    /// <summary>Gets the request bodies received so far, in arrival order.</summary>
    public IReadOnlyList<string> RequestBodies => [.. _bodies];

    /// <summary>Starts the server; each request gets the next answer (the last one repeats).</summary>
    /// <param name="answers">The answers: a JSON body, or an SSE body when it starts with <c>data:</c>.</param>
    public static async Task<ScriptedChatServer> StartAsync(params string[] answers)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        int served = -1;
        ScriptedChatServer? server = null;
        app.MapPost("/v1/chat/completions", async context =>
        {
            using StreamReader reader = new(context.Request.Body);
            server!._bodies.Enqueue(await reader.ReadToEndAsync(context.RequestAborted));
            string answer = answers[Math.Min(Interlocked.Increment(ref served), answers.Length - 1)];
            context.Response.ContentType = answer.StartsWith("data:", StringComparison.Ordinal) ? "text/event-stream" : "application/json";
            await context.Response.WriteAsync(answer, context.RequestAborted);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new ScriptedChatServer(app, new Uri(address));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
