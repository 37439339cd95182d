// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.IO.Compression;
using System.Net;
using System.Text;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Tests.Infrastructure;
using Tgi.TestSupport;

namespace Tgi.Sdk.Tests.Hardening;

/// <summary>
/// Issue 13 item 1: every non-streaming body is read with a bound (after decompression), on the SDK's handler and on
/// a user's own HttpClient; error bodies are read up to 64 KiB. Bodies are generated on the fly, never allocated whole.
/// </summary>
public class ResponseSizeTests
{
    private const long SmallCap = 64 * 1024;

    [Test]
    [Arguments("generate")]
    [Arguments("compat")]
    [Arguments("chat")]
    [Arguments("completions")]
    [Arguments("info")]
    [Arguments("models")]
    [Arguments("tokenize")]
    [Arguments("chat_tokenize")]
    [Arguments("metrics")]
    [Arguments("health")]
    public async Task EveryRoute_EndlessBody_ThrowsNonRetryableProtocolError(string route)
    {
        await using HostileServer server = HostileServer.Start(static (_, stream, ct) => EndlessJsonAsync(stream, ct));
        TgiClient client = new(server.BaseAddress, new TgiClientOptions { MaxResponseSize = SmallCap });

        TgiException ex = await Expect.TgiExceptionAsync(() => RouteCalls.Call(client, route));

        await AssertTooLarge(ex);
    }

    [Test]
    public async Task GenerateAsync_EndlessBodyWithDefaultCap_ThrowsNonRetryableProtocolError()
    {
        await using HostileServer server = HostileServer.Start(static (_, stream, ct) => EndlessJsonAsync(stream, ct));
        TgiClient client = new(server.BaseAddress);

        TgiException ex = await Expect.TgiExceptionAsync(() => client.GenerateAsync("Hi"));

        await AssertTooLarge(ex);
        await Assert.That(ex.Message).Contains(TgiClientOptions.DefaultMaxResponseSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public async Task GenerateAsync_DeclaredOneGibibyte_FailsBeforeReadingTheBody()
    {
        await using HostileServer server = HostileServer.Start(static async (_, stream, ct) =>
        {
            await HostileServer.WriteHeadAsync(stream, 200, ct, "Content-Type: application/json", "Content-Length: 1073741824");
            byte[] chunk = new byte[64 * 1024];
            chunk.AsSpan().Fill((byte)' ');
            while (true)
            {
                await stream.WriteAsync(chunk, ct);
            }
        });
        TgiClient client = new(server.BaseAddress);

        TgiException ex = await Expect.TgiExceptionAsync(() => client.GenerateAsync("Hi"));

        await AssertTooLarge(ex);
        await Assert.That(ex.Message).Contains("1073741824");
    }

    [Test]
    public async Task GenerateAsync_GzipBombOverTheCap_ThrowsNonRetryableProtocolError()
    {
        // 64 MiB of valid JSON compressed on the fly (about 64 KiB on the wire): without a cap counted after
        // decompression, the client buffers all of it and succeeds.
        await using HostileServer server = HostileServer.Start(static async (_, stream, ct) =>
        {
            await HostileServer.WriteHeadAsync(stream, 200, ct, "Content-Type: application/json", "Content-Encoding: gzip");
            await using GZipStream gzip = new(stream, CompressionLevel.Fastest, leaveOpen: true);
            await gzip.WriteAsync("{\"generated_text\":\""u8.ToArray(), ct);
            byte[] chunk = new byte[1024 * 1024];
            chunk.AsSpan().Fill((byte)'x');
            for (int i = 0; i < 64; i++)
            {
                await gzip.WriteAsync(chunk, ct);
            }

            await gzip.WriteAsync("\"}"u8.ToArray(), ct);
        });
        TgiClient client = new(server.BaseAddress);

        TgiException ex = await Expect.TgiExceptionAsync(() => client.GenerateAsync("Hi"));

        await AssertTooLarge(ex);
    }

    [Test]
    public async Task GenerateAsync_OwnHttpClient_CapStillApplies()
    {
        // A body a little over the cap, with a valid JSON shape: a user's HttpClient would buffer it (its own limit is
        // 2 GiB) and the call would succeed.
        await using HostileServer server = HostileServer.Start(static (_, stream, ct) =>
            HostileServer.WriteResponseAsync(stream, 200, "application/json", "{\"generated_text\":\"" + new string('x', 70 * 1024) + "\"}", ct));
        using HttpClient http = new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });
        TgiClient client = new(http, new TgiClientOptions { Endpoint = server.BaseAddress, MaxResponseSize = SmallCap });

        TgiException ex = await Expect.TgiExceptionAsync(() => client.GenerateAsync("Hi"));

        await AssertTooLarge(ex);
    }

    [Test]
    public async Task GenerateAsync_BodyWithinTheCap_Succeeds()
    {
        string text = new('x', 60 * 1024);
        await using HostileServer server = HostileServer.Start((_, stream, ct) =>
            HostileServer.WriteResponseAsync(stream, 200, "application/json", "{\"generated_text\":\"" + text + "\"}", ct));
        TgiClient client = new(server.BaseAddress, new TgiClientOptions { MaxResponseSize = SmallCap });

        TgiResult<GenerateResponse> result = await client.GenerateAsync("Hi");

        await Assert.That(result.Value.GeneratedText).IsEqualTo(text);
    }

    [Test]
    public async Task GenerateAsync_EndlessErrorBody_ReadsAtMost64KiB()
    {
        await using HostileServer server = HostileServer.Start(static async (_, stream, ct) =>
        {
            await HostileServer.WriteHeadAsync(stream, 500, ct, "Content-Type: text/plain", "Transfer-Encoding: chunked");
            await HostileServer.WriteEndlessChunksAsync(stream, "boom ", (byte)'e', ct);
        });
        TgiClient client = new(server.BaseAddress);

        TgiException ex = await Expect.TgiExceptionAsync(() => client.GenerateAsync("Hi"));

        await Assert.That(ex.Status).IsEqualTo(500);
        await Assert.That(ex.RawResponseBody!.Length).IsLessThanOrEqualTo(64 * 1024);
        await Assert.That(ex.RawResponseBody).StartsWith("boom ");
    }

    [Test]
    public async Task GenerateStreamingAsync_EndlessErrorBody_ReadsAtMost64KiB()
    {
        await using HostileServer server = HostileServer.Start(static async (_, stream, ct) =>
        {
            await HostileServer.WriteHeadAsync(stream, 422, ct, "Content-Type: application/json", "Transfer-Encoding: chunked");
            await HostileServer.WriteEndlessChunksAsync(stream, "{\"error\":\"", (byte)'e', ct);
        });
        TgiClient client = new(server.BaseAddress);

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(client.GenerateStreamingAsync("Hi")));

        await Assert.That(ex.Status).IsEqualTo(422);
        await Assert.That(ex.RawResponseBody!.Length).IsLessThanOrEqualTo(64 * 1024);
    }

    [Test]
    public async Task Constructor_NonPositiveMaxResponseSize_Throws()
    {
        await Assert.That(() => new TgiClient(new Uri("http://127.0.0.1:9/"), new TgiClientOptions { MaxResponseSize = 0 })).Throws<ArgumentOutOfRangeException>();
    }

    private static async Task EndlessJsonAsync(Stream stream, CancellationToken cancellationToken)
    {
        // A JSON string that never ends: whatever the route, nothing but a cap stops the read.
        await HostileServer.WriteHeadAsync(stream, 200, cancellationToken, "Content-Type: application/json", "Transfer-Encoding: chunked");
        await HostileServer.WriteEndlessChunksAsync(stream, "{\"generated_text\":\"", (byte)'x', cancellationToken);
    }

    private static async Task AssertTooLarge(TgiException ex)
    {
        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Protocol);
        await Assert.That(ex.IsRetryable).IsFalse();
        await Assert.That(ex.Status).IsEqualTo(200);
        await Assert.That(ex.Message).Contains("maximum response size");
    }
}
