// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Tests.Infrastructure;
using Tgi.TestSupport;

namespace Tgi.Sdk.Tests.Hardening;

/// <summary>
/// Issue 13 item 7: a 2xx that is not an event stream (a proxy's HTML page, a JSON document) answering a streaming
/// call is a non-retryable protocol error that says what arrived, not a retryable "connection closed early".
/// </summary>
public class StreamContentTypeTests
{
    private static readonly string s_stream = Sse.Frame(Sse.ThreeTokenGenerate());

    [Test]
    public async Task GenerateStreamingAsync_HtmlWith200_ThrowsNonRetryableProtocolError()
    {
        await using HostileServer server = HostileServer.Start(static (_, stream, ct) =>
            HostileServer.WriteResponseAsync(stream, 200, "text/html; charset=utf-8", "<html><body>Sign in to continue</body></html>", ct));
        TgiClient client = new(server.BaseAddress);

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(client.GenerateStreamingAsync("Hi")));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Protocol);
        await Assert.That(ex.IsRetryable).IsFalse();
        await Assert.That(ex.Status).IsEqualTo(200);
        await Assert.That(ex.Message).Contains("text/html");
        await Assert.That(ex.Message).Contains("<html><body>Sign in");
        await Assert.That(ex.RawResponseBody).IsEqualTo("<html><body>Sign in to continue</body></html>");
    }

    [Test]
    public async Task ChatStreamingAsync_JsonWith200_ThrowsNonRetryableProtocolError()
    {
        const string Json = "{\"object\":\"chat.completion\",\"choices\":[]}";
        await using HostileServer server = HostileServer.Start(static (_, stream, ct) =>
            HostileServer.WriteResponseAsync(stream, 200, "application/json", Json, ct));
        TgiClient client = new(server.BaseAddress);

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(client.ChatStreamingAsync([ChatMessage.CreateUser("Hi")])));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Protocol);
        await Assert.That(ex.IsRetryable).IsFalse();
        await Assert.That(ex.Message).Contains("application/json");
        await Assert.That(ex.RawResponseBody).IsEqualTo(Json);
    }

    [Test]
    [Arguments("text/event-stream")]
    [Arguments("text/event-stream; charset=utf-8")]
    [Arguments("Text/Event-Stream;charset=UTF-8")]
    [Arguments(null)]
    public async Task GenerateStreamingAsync_EventStreamVariantsOrNoContentType_AreRead(string? contentType)
    {
        await using HostileServer server = HostileServer.Start(async (_, stream, ct) =>
        {
            byte[] body = System.Text.Encoding.UTF8.GetBytes(s_stream);
            string[] headers = contentType is null ? [$"Content-Length: {body.Length}"] : [$"Content-Type: {contentType}", $"Content-Length: {body.Length}"];
            await HostileServer.WriteHeadAsync(stream, 200, ct, headers);
            await stream.WriteAsync(body, ct);
        });
        TgiClient client = new(server.BaseAddress);

        List<GenerateStreamUpdate> updates = await Expect.ToListAsync(client.GenerateStreamingAsync("Hi"));

        await Assert.That(updates.Count).IsEqualTo(3);
        await Assert.That(updates[^1].GeneratedText).IsEqualTo(" The cat\n\"q\"");
    }
}
