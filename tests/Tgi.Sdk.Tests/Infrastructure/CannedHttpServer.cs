// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tgi.Sdk.Tests.Infrastructure;

/// <summary>
/// A hostile HTTP/1.1 server on 127.0.0.1 that answers every request with exactly the bytes a test chose (status line,
/// headers and body), then closes the connection: for answers no well-behaved server (or the emulator) would send.
/// </summary>
internal sealed class CannedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<string, byte[]> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<string> _requestHeads = [];
    private int _pieceSeed;

    private CannedHttpServer(Func<string, byte[]> respond)
    {
        _respond = respond;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>Sets the seed of the random pieces the next answers are written in (0, the default: one write).</summary>
    public int PieceSeed { set => Volatile.Write(ref _pieceSeed, value); }

    /// <summary>Gets the request lines and headers received so far.</summary>
    public IReadOnlyList<string> RequestHeads
    {
        get
        {
            lock (_requestHeads)
            {
                return [.. _requestHeads];
            }
        }
    }

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

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket = await _listener.AcceptSocketAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                using NetworkStream stream = new(socket, ownsSocket: false);
                string head = await ReadRequestAsync(stream);
                lock (_requestHeads)
                {
                    _requestHeads.Add(head);
                }

                string path = head.Split(' ') is [_, string target, ..] ? target : "/";
                byte[] response = _respond(path);
                int pieceSeed = Volatile.Read(ref _pieceSeed);
                if (pieceSeed == 0)
                {
                    await stream.WriteAsync(response, _stop.Token);
                }
                else
                {
                    // Random pieces, each flushed, so the client reads the answer cut at arbitrary offsets.
                    Random random = new(pieceSeed);
                    for (int at = 0; at < response.Length;)
                    {
                        int n = Math.Min(random.Next(1, 512), response.Length - at);
                        await stream.WriteAsync(response.AsMemory(at, n), _stop.Token);
                        await stream.FlushAsync(_stop.Token);
                        at += n;
                    }
                }

                await stream.FlushAsync(_stop.Token);
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client left first: nothing to answer.
            }
        }
    }

    private async Task<string> ReadRequestAsync(NetworkStream stream)
    {
        List<byte> received = [];
        byte[] buffer = new byte[4096];
        int headEnd = -1;
        while (headEnd < 0)
        {
            int read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                throw new IOException("The client closed before sending a request.");
            }

            received.AddRange(buffer.AsSpan(0, read));
            headEnd = IndexOf(received, "\r\n\r\n"u8);
        }

        string head = Encoding.ASCII.GetString(received.ToArray(), 0, headEnd);
        int length = 0;
        foreach (string line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        int bodyReceived = received.Count - (headEnd + 4);
        while (bodyReceived < length)
        {
            int read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                break;
            }

            bodyReceived += read;
        }

        return head;
    }

    private static int IndexOf(List<byte> bytes, ReadOnlySpan<byte> pattern)
    {
        for (int i = 0; i + pattern.Length <= bytes.Count; i++)
        {
            bool match = true;
            for (int j = 0; j < pattern.Length && match; j++)
            {
                match = bytes[i + j] == pattern[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}
