// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tgi.Sdk.Testing;

/// <summary>TGI's route table, with plain RequestDelegate handlers (no parameter binding, AOT-safe).</summary>
internal static class EmulatorRoutes
{
    public static void Map(WebApplication app, EmulatorState state)
    {
        var generate = new GenerateRoute(state);
        var service = new ServiceRoutes(state);
        var tokenize = new TokenizeRoute(state);
        var chat = new ChatCompletionsRoute(state);
        var completions = new CompletionsRoute(state);
        var invocations = new InvocationsRoute(generate, chat, completions);

        app.MapPost("/", (RequestDelegate)generate.CompatAsync);
        app.MapPost("/generate", (RequestDelegate)generate.GenerateAsync);
        app.MapPost("/generate_stream", (RequestDelegate)generate.GenerateStreamAsync);
        app.MapPost("/v1/chat/completions", (RequestDelegate)chat.HandleAsync);
        app.MapPost("/v1/completions", (RequestDelegate)completions.HandleAsync);
        app.MapPost("/tokenize", (RequestDelegate)tokenize.TokenizeAsync);
        app.MapPost("/chat_tokenize", (RequestDelegate)chat.ChatTokenizeAsync);
        app.MapPost("/invocations", (RequestDelegate)invocations.HandleAsync);
        app.MapGet("/info", (RequestDelegate)service.InfoAsync);
        app.MapGet("/health", (RequestDelegate)service.HealthAsync);
        app.MapGet("/ping", (RequestDelegate)service.HealthAsync);
        app.MapGet("/", (RequestDelegate)service.HealthAsync);
        app.MapGet("/metrics", (RequestDelegate)service.MetricsAsync);
        app.MapGet("/v1/models", (RequestDelegate)service.ModelsAsync);
    }
}
