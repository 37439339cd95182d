// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using Tgi.Sdk.Tests.Infrastructure;
using Tgi.Sdk.Tests.Telemetry;

namespace Tgi.Sdk.Tests.Errors;

/// <summary>
/// A gateway or proxy that echoes the request's headers in its error page: the client's key and header values reach
/// no text of the exception, the span or the metrics (real OpenTelemetry SDK, hostile server on loopback).
/// </summary>
public class RedactionTests
{
    private const string ApiKey = "sk-test-0123456789abcdef";
    private const string GatewayKey = "gw-secret-5678";

    // Too short to redact without garbling ordinary text.
    private const string ShortHeader = "on";

    /// <summary>Error bodies that echo both secrets, in every field the SDK reads, in TGI's two shapes and as plain text.</summary>
    private static readonly string[] s_echoingBodies =
    [
        $"{{\"error\":\"Unauthorized: Authorization: Bearer {ApiKey}; X-Gateway-Key: {GatewayKey}\",\"error_type\":\"{ApiKey}\"}}",
        $"{{\"error\":{{\"message\":\"bad key {ApiKey} via {GatewayKey}\",\"type\":\"{GatewayKey}\",\"http_status_code\":401}}}}",
        $"<html><body>401: you sent Bearer {ApiKey} and {GatewayKey}</body></html>",
    ];

    [Test]
    [MethodDataSource(nameof(Routes))]
    public async Task ErrorBody_EchoingTheKeyAndHeaders_IsRedactedEverywhere(string route)
    {
        foreach (string body in s_echoingBodies)
        {
            using TelemetryCapture capture = new();
            await using CannedHttpServer server = CannedHttpServer.Start(CannedHttpServer.Response(401, "application/json", body));

            TgiException ex = await Expect.TgiExceptionAsync(() => RouteCalls.Call(Client(server), route));

            await AssertRedacted(ex);
            await Assert.That(server.RequestHeads.Single()).Contains(ApiKey);
            await AssertTelemetryRedacted(capture, server.BaseAddress);
        }
    }

    [Test]
    [Arguments("generate_stream", "{{\"error\":\"Request failed during generation: echo {0} {1}\",\"error_type\":\"{0}\"}}")]
    [Arguments("generate_stream_raw", "{{\"error\":\"Request failed during generation: echo {0} {1}\",\"error_type\":\"generation\"}}")]
    [Arguments("chat_stream", "{{\"error\":{{\"message\":\"Request failed during generation: {0} {1}\",\"http_status_code\":422}}}}")]
    [Arguments("completions_stream", "{{\"error\":{{\"message\":\"{1}\",\"type\":\"{0}\",\"http_status_code\":422}}}}")]
    [Arguments("chat_stream", "{{\"not json at all {0} {1}")]
    public async Task InStreamError_EchoingTheKeyAndHeaders_IsRedactedEverywhere(string route, string eventFormat)
    {
        using TelemetryCapture capture = new();
        string data = string.Format(System.Globalization.CultureInfo.InvariantCulture, eventFormat, ApiKey, GatewayKey);
        await using CannedHttpServer server = CannedHttpServer.Start(CannedHttpServer.Sse(data, "[DONE]"));

        TgiException ex = await Expect.TgiExceptionAsync(() => RouteCalls.Call(Client(server), route));

        await AssertRedacted(ex);
        await AssertTelemetryRedacted(capture, server.BaseAddress);
    }

    [Test]
    public async Task ErrorBody_KnownErrorType_KeepsItsErrorTypeTag()
    {
        using TelemetryCapture capture = new();
        await using CannedHttpServer server = CannedHttpServer.Start(
            CannedHttpServer.Response(422, "application/json", "{\"error\":\"Input validation error: `inputs` must not be empty\",\"error_type\":\"validation\"}"));

        await Expect.TgiExceptionAsync(() => Client(server).GenerateAsync("Hi"));

        Activity span = capture.SpansFor(server.BaseAddress).Single();
        await Assert.That(span.GetTagItem("error.type")).IsEqualTo("validation");
    }

    [Test]
    public async Task ErrorBody_UnknownErrorType_IsOtherOnSpansAndMetrics()
    {
        using TelemetryCapture capture = new();
        await using CannedHttpServer server = CannedHttpServer.Start(
            CannedHttpServer.Response(500, "application/json", "{\"error\":\"boom\",\"error_type\":\"made_up_42\"}"));

        TgiException ex = await Expect.TgiExceptionAsync(() => Client(server).GenerateAsync("Hi"));

        await Assert.That(ex.ErrorType!.Value.ToString()).IsEqualTo("made_up_42");
        await Assert.That(capture.SpansFor(server.BaseAddress).Single().GetTagItem("error.type")).IsEqualTo("_OTHER");
        var duration = capture.PointsFor("gen_ai.client.operation.duration", server.BaseAddress).Single();
        await Assert.That(duration.Tags["error.type"]).IsEqualTo("_OTHER");
    }

    [Test]
    public async Task ShortHeaderValues_AreNotRedacted()
    {
        await using CannedHttpServer server = CannedHttpServer.Start(
            CannedHttpServer.Response(500, "text/plain", "turned on"));

        TgiException ex = await Expect.TgiExceptionAsync(() => Client(server).GenerateAsync("Hi"));

        await Assert.That(ex.ErrorMessage).IsEqualTo("turned on");
    }

    public static IEnumerable<string> Routes() => RouteCalls.Names;

    private static TgiClient Client(CannedHttpServer server)
    {
        TgiClientOptions options = new() { ApiKey = ApiKey };
        options.Headers["X-Gateway-Key"] = GatewayKey;
        options.Headers["X-Debug"] = ShortHeader;
        return new TgiClient(server.BaseAddress, options);
    }

    private static async Task AssertRedacted(TgiException ex)
    {
        string?[] texts = [ex.Message, ex.ToString(), ex.RawResponseBody, ex.ErrorMessage, ex.ErrorType?.ToString()];
        foreach (string? text in texts)
        {
            await Assert.That(text ?? string.Empty).DoesNotContain(ApiKey);
            await Assert.That(text ?? string.Empty).DoesNotContain(GatewayKey);
        }

        // The texts still say where the secret was.
        await Assert.That(string.Concat(texts)).Contains("[REDACTED]");
    }

    private static async Task AssertTelemetryRedacted(TelemetryCapture capture, Uri server)
    {
        foreach (Activity span in capture.SpansFor(server))
        {
            await Assert.That(span.Status).IsEqualTo(ActivityStatusCode.Error);
            List<string> texts = [span.StatusDescription ?? string.Empty, .. span.TagObjects.Select(t => t.Value?.ToString() ?? string.Empty)];
            foreach (string text in texts)
            {
                await Assert.That(text).DoesNotContain(ApiKey);
                await Assert.That(text).DoesNotContain(GatewayKey);
            }
        }

        foreach (var point in capture.PointsFor("gen_ai.client.operation.duration", server))
        {
            foreach (object? value in point.Tags.Values)
            {
                await Assert.That(value?.ToString() ?? string.Empty).DoesNotContain(ApiKey);
                await Assert.That(value?.ToString() ?? string.Empty).DoesNotContain(GatewayKey);
            }
        }
    }
}
