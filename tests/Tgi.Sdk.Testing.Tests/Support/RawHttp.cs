// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tgi.Sdk.Testing.Tests.Support;

/// <summary>HTTP/1.1 over a raw socket, to see exact bytes and whether the server closed the connection.</summary>
internal static class RawHttp
{
    /// <summary>Sends one POST with <c>Connection: close</c> and reads until the server closes (or the timeout).</summary>
    public static async Task<RawResponse> PostAsync(TgiEmulator emulator, string path, string json, TimeSpan? timeout = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, emulator.BaseAddress.Port);
        NetworkStream stream = client.GetStream();
        byte[] body = Encoding.UTF8.GetBytes(json);
        string head = $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var received = new MemoryStream();
        var buffer = new byte[8192];
        bool closedByServer = false;
        bool reset = false;
        try
        {
            while (true)
            {
                int read = await stream.ReadAsync(buffer, cts.Token);
                if (read == 0)
                {
                    closedByServer = true;
                    break;
                }

                received.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException)
        {
            // Timed out with the connection still open.
        }
        catch (IOException)
        {
            closedByServer = true;
            reset = true;
        }

        return new RawResponse(Encoding.UTF8.GetString(received.ToArray()), closedByServer, reset);
    }

    internal sealed record RawResponse(string Text, bool ClosedByServer, bool Reset)
    {
        public string Head => Text[..Math.Max(0, Text.IndexOf("\r\n\r\n", StringComparison.Ordinal))];

        public string Body => Text[(Text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];

        /// <summary>The body with HTTP/1.1 chunked framing removed; <see cref="Complete"/> tells whether the final 0-chunk arrived.</summary>
        public string Dechunked
        {
            get
            {
                var output = new StringBuilder();
                string rest = Body;
                while (true)
                {
                    int lineEnd = rest.IndexOf("\r\n", StringComparison.Ordinal);
                    if (lineEnd < 0)
                    {
                        return output.ToString();
                    }

                    int size = Convert.ToInt32(rest[..lineEnd], 16);
                    if (size == 0)
                    {
                        return output.ToString();
                    }

                    byte[] bytes = Encoding.UTF8.GetBytes(rest[(lineEnd + 2)..]);
                    int take = Math.Min(size, bytes.Length);
                    output.Append(Encoding.UTF8.GetString(bytes, 0, take));
                    string after = Encoding.UTF8.GetString(bytes, take, bytes.Length - take);
                    if (!after.StartsWith("\r\n", StringComparison.Ordinal))
                    {
                        return output.ToString();
                    }

                    rest = after[2..];
                }
            }
        }

        public bool Complete => Body.EndsWith("0\r\n\r\n", StringComparison.Ordinal);
    }
}
