// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tgi.TestSupport;

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 that answers as a hostile or broken server would: the handler writes the bytes
/// of the response itself (lying headers, endless or trickled bodies). One request per connection.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<HostileRequest, Stream, CancellationToken, Task> _respond;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;
    private int _connections;

    private HostileServer(Func<HostileRequest, Stream, CancellationToken, Task> respond)
    {
        _respond = respond;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _acceptLoop = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>Gets the number of connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Gets the requests received, in order.</summary>
    public ConcurrentQueue<HostileRequest> Requests { get; } = new();

    public static HostileServer Start(Func<HostileRequest, Stream, CancellationToken, Task> respond) => new(respond);

    /// <summary>Writes a status line and headers (and the blank line that ends them).</summary>
    public static Task WriteHeadAsync(Stream stream, int status, CancellationToken cancellationToken, params string[] headers)
    {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").Append(status).Append(" X\r\n");
        foreach (string header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        return stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken).AsTask();
    }

    /// <summary>Writes a complete response with a body and its Content-Length.</summary>
    public static async Task WriteResponseAsync(Stream stream, int status, string contentType, string body, CancellationToken cancellationToken, params string[] headers)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        await WriteHeadAsync(stream, status, cancellationToken, [$"Content-Type: {contentType}", $"Content-Length: {bytes.Length}", .. headers]);
        await stream.WriteAsync(bytes, cancellationToken);
    }

    /// <summary>Writes one chunk of a chunked body.</summary>
    public static async Task WriteChunkAsync(Stream stream, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:X}\r\n"), cancellationToken);
        await stream.WriteAsync(chunk, cancellationToken);
        await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
    }

    /// <summary>Writes chunks of the filler until the client goes away (or the server stops).</summary>
    public static async Task WriteEndlessChunksAsync(Stream stream, string prefix, byte filler, CancellationToken cancellationToken)
    {
        await WriteChunkAsync(stream, Encoding.UTF8.GetBytes(prefix), cancellationToken);
        byte[] chunk = new byte[64 * 1024];
        chunk.AsSpan().Fill(filler);
        while (true)
        {
            await WriteChunkAsync(stream, chunk, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception)
        {
            // Stopping.
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                HostileRequest? request = await ReadRequestAsync(stream, _stopping.Token);
                if (request is null)
                {
                    return;
                }

                Requests.Enqueue(request);
                await _respond(request, stream, _stopping.Token);
                await stream.FlushAsync(_stopping.Token);
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception)
            {
                // The client went away (the point of most of these tests), or the server stopped.
            }
        }
    }

    private static async Task<HostileRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        List<byte> head = [];
        byte[] one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        string[] lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        string[] start = lines[0].Split(' ');
        Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        byte[] body = [];
        if (headers.TryGetValue("Content-Length", out string? length) && int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) is > 0 and int n)
        {
            body = new byte[n];
            await stream.ReadExactlyAsync(body, cancellationToken);
        }

        return new HostileRequest(start[0], start[1], headers, Encoding.UTF8.GetString(body));
    }
}
