// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Net.Http.Headers;

namespace Tgi.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// Answers every request with the same bytes in a fresh read-only stream, so each client under test runs its real
/// HttpClient path (headers, content, its own stream reading) with no network and no server in the measurement.
/// </summary>
internal sealed class ReplayHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue s_eventStream = new("text/event-stream");
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    private readonly byte[] _body;
    private readonly MediaTypeHeaderValue _contentType;
    private long _lastResponseTimestamp;

    public ReplayHandler(byte[] body, bool eventStream)
    {
        _body = body;
        _contentType = eventStream ? s_eventStream : s_json;
    }

    /// <summary>When the last response (status and headers) was handed back, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public long LastResponseTimestamp => Volatile.Read(ref _lastResponseTimestamp);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Respond(request));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Respond(request);

    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        var content = new StreamContent(new MemoryStream(_body, writable: false));
        content.Headers.ContentType = _contentType;
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        Volatile.Write(ref _lastResponseTimestamp, System.Diagnostics.Stopwatch.GetTimestamp());
        return response;
    }

    /// <summary>An HttpClient over a replay handler, with a loopback base address (nothing is ever sent).</summary>
    public static HttpClient CreateClient(byte[] body, bool eventStream) =>
        new(new ReplayHandler(body, eventStream)) { BaseAddress = new Uri("http://127.0.0.1:8080/") };
}
