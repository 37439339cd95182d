// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using Tgi.TestSupport;

namespace Tgi.Sdk.Tests.Infrastructure;

/// <summary>
/// A hostile HTTP/1.1 server on 127.0.0.1 that answers every request with exactly the bytes a test chose (status line,
/// headers and body), then closes the connection: for answers no well-behaved server (or the emulator) would send.
/// A <see cref="HostileServer"/> whose handler writes canned bytes, whole or in random pieces.
/// </summary>
internal sealed class CannedHttpServer : IAsyncDisposable
{
    private readonly HostileServer _server;
    private int _pieceSeed;

    private CannedHttpServer(Func<string, byte[]> respond) =>
        _server = HostileServer.Start((request, stream, cancellationToken) => WriteAsync(respond(request.Path), stream, cancellationToken));

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Sets the seed of the random pieces the next answers are written in (0, the default: one write).</summary>
    public int PieceSeed { set => Volatile.Write(ref _pieceSeed, value); }

    /// <summary>Gets the request lines and headers received so far.</summary>
    public IReadOnlyList<string> RequestHeads =>
        [.. _server.Requests.Select(r => $"{r.Method} {r.Path}\r\n" + string.Join("\r\n", r.Headers.Select(h => $"{h.Key}: {h.Value}")))];

    /// <summary>Starts a server that gives every request the same answer.</summary>
    public static CannedHttpServer Start(byte[] response) => new(_ => response);

    /// <summary>Starts a server that answers by the request's path (for example <c>/generate</c>).</summary>
    public static CannedHttpServer Start(Func<string, byte[]> respond) => new(respond);

    /// <summary>Builds a complete HTTP response with a Content-Length.</summary>
    public static byte[] Response(int status, string contentType, byte[] body, params (string Name, string Value)[] headers)
    {
        StringBuilder head = new();
        head.Append("HTTP/1.1 ").Append(status).Append(' ').Append(status < 400 ? "OK" : "Error").Append("\r\n");
        head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        head.Append("Connection: close\r\n");
        foreach ((string name, string value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    /// <summary>Builds a complete HTTP response with a UTF-8 text body.</summary>
    public static byte[] Response(int status, string contentType, string body, params (string Name, string Value)[] headers) =>
        Response(status, contentType, Encoding.UTF8.GetBytes(body), headers);

    /// <summary>Builds an SSE response whose events carry the given data, ended by closing the connection.</summary>
    public static byte[] Sse(params string[] data) =>
        Response(200, "text/event-stream", string.Concat(data.Select(d => "data: " + d + "\n\n")));

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task WriteAsync(byte[] response, Stream stream, CancellationToken cancellationToken)
    {
        int pieceSeed = Volatile.Read(ref _pieceSeed);
        if (pieceSeed == 0)
        {
            await stream.WriteAsync(response, cancellationToken);
            return;
        }

        // Random pieces, each flushed, so the client reads the answer cut at arbitrary offsets.
        Random random = new(pieceSeed);
        for (int at = 0; at < response.Length;)
        {
            int n = Math.Min(random.Next(1, 512), response.Length - at);
            await stream.WriteAsync(response.AsMemory(at, n), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            at += n;
        }
    }
}
