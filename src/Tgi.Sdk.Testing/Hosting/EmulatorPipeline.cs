// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tgi.Sdk.Testing;

/// <summary>The middleware in front of the routes: recording, slow headers, unavailability and TGI's API-key check.</summary>
internal static class EmulatorPipeline
{
    public static void Configure(WebApplication app, EmulatorState state)
    {
        app.Use(next => context => InvokeAsync(context, next, state));
    }

    private static async Task InvokeAsync(HttpContext context, RequestDelegate next, EmulatorState state)
    {
        BufferedBody body = await ReadBodyAsync(context.Request, state.Options.PayloadLimit, context.RequestAborted).ConfigureAwait(false);
        context.Features.Set(body);
        state.Record(new TgiRecordedRequest(
            context.Request.Method,
            context.Request.Path.Value + context.Request.QueryString.Value,
            CopyHeaders(context.Request.Headers),
            Encoding.UTF8.GetString(body.Bytes)));

        TgiEmulatorFaults faults = state.Faults;
        if (faults.ResponseHeadersDelay is { } delay && delay > TimeSpan.Zero)
        {
            await DelayQuietlyAsync(delay, context, state).ConfigureAwait(false);
        }

        string path = context.Request.Path.Value ?? "/";
        if (faults.Unavailable)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            if (IsHealthRoute(context.Request.Method, path))
            {
                await ErrorResponses.WriteJsonAsync(context, StatusCodes.Status503ServiceUnavailable, "unhealthy", "healthcheck").ConfigureAwait(false);
            }

            return;
        }

        // TGI: §1 footnote: generation routes need "Authorization: Bearer K", compared lower-cased; else an empty 401.
        if (state.Options.ApiKey is { } key && RequiresKey(context.Request.Method, path))
        {
            string presented = context.Request.Headers.Authorization.ToString().ToLowerInvariant();
            if (presented != "bearer " + key.ToLowerInvariant())
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }

    private static bool IsHealthRoute(string method, string path) =>
        HttpMethods.IsGet(method) && path is "/health" or "/ping" or "/";

    private static bool RequiresKey(string method, string path) =>
        HttpMethods.IsPost(method) && path is "/" or "/generate" or "/generate_stream" or "/v1/chat/completions"
            or "/v1/completions" or "/tokenize" or "/invocations" or "/vertex";

    private static async Task DelayQuietlyAsync(TimeSpan delay, HttpContext context, EmulatorState state)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, state.Stopping);
        try
        {
            await Task.Delay(delay, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client left or the emulator stops; the response is moot.
        }
    }

    private static Dictionary<string, string> CopyHeaders(IHeaderDictionary headers)
    {
        var copy = new Dictionary<string, string>(headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in headers)
        {
            copy[header.Key.ToLowerInvariant()] = string.Join(", ", header.Value.ToArray());
        }

        return copy;
    }

    // Reads at most limit+1 bytes: enough to tell an oversize body (TGI: 413) without buffering all of it.
    private static async Task<BufferedBody> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return new BufferedBody([], tooLarge: false);
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                Memory<byte> memory = buffer.GetMemory(8192);
                int read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                {
                    return new BufferedBody(buffer.WrittenSpan[..limit].ToArray(), tooLarge: true);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // A client that vanished mid-body: keep what arrived.
        }

        return new BufferedBody(buffer.WrittenSpan.ToArray(), tooLarge: false);
    }
}
