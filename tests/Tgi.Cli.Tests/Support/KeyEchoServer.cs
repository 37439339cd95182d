// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tgi.Cli.Tests.Support;

/// <summary>
/// A hostile gateway on 127.0.0.1: it answers every request with a 422 whose error text and error type echo the
/// bearer token it received, as a misconfigured proxy's error page can.
/// </summary>
internal sealed class KeyEchoServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _requests;

    public KeyEchoServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Requests => Volatile.Read(ref _requests);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                string head = await ReadHeadAsync(stream);
                Interlocked.Increment(ref _requests);
                string key = head.Split("\r\n").FirstOrDefault(static l => l.StartsWith("Authorization: Bearer ", StringComparison.OrdinalIgnoreCase))?["Authorization: Bearer ".Length..] ?? "(none)";
                string body = $$"""{"error":"invalid credentials: Bearer {{key}} was refused","error_type":"{{key}}"}""";
                byte[] bytes = Encoding.UTF8.GetBytes(body);
                string response = $"HTTP/1.1 422 Unprocessable Entity\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
                await stream.WriteAsync(bytes);
                await stream.FlushAsync();
            }
            catch (IOException)
            {
                // The client went away.
            }
        }
    }

    /// <summary>Reads the request line and headers, then the body its Content-Length announces.</summary>
    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                break;
            }

            head.Append((char)one[0]);
        }

        string text = head.ToString();
        string? length = text.Split("\r\n").FirstOrDefault(static l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (length is not null && int.TryParse(length["Content-Length:".Length..].Trim(), out int remaining))
        {
            var body = new byte[remaining];
            await stream.ReadExactlyAsync(body);
        }
        else if (text.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            // Read to the last chunk, so that closing the socket with unread bytes does not reset the answer.
            var tail = new StringBuilder();
            while (!tail.ToString().EndsWith("0\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) > 0)
            {
                tail.Append((char)one[0]);
            }
        }

        return text;
    }
}
