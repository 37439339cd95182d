// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Text;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Streaming;

/// <summary>
/// The /generate_stream fast path refuses what the JSON reader refuses (invalid UTF-8, raw control characters, bad
/// escapes), so a malformed token event is reported the same way whichever path sees it first.
/// </summary>
public class GenerateFastPathTests
{
    [Test]
    [Arguments("invalid UTF-8", new byte[] { 0xC3, 0x28 })]
    [Arguments("overlong encoding", new byte[] { 0xC0, 0xAF })]
    [Arguments("raw control character", new byte[] { (byte)'a', 0x0A, (byte)'b' })]
    [Arguments("bad escape", new byte[] { (byte)'\\', (byte)'x' })]
    [Arguments("lone surrogate escape", new byte[] { (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0' })]
    public async Task GenerateStreaming_MalformedTokenText_ProtocolErrorOnBothModes(string why, byte[] text)
    {
        byte[] body = StreamWithTokenText(text);

        TgiException normal = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(Client(body).GenerateStreamingAsync("Hi")));
        TgiException raw = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(Client(body).GenerateStreamingRawAsync("Hi")));

        await Assert.That(normal.ErrorType).IsEqualTo(TgiErrorType.Protocol).Because(why);
        await Assert.That(raw.ErrorType).IsEqualTo(TgiErrorType.Protocol).Because(why);
    }

    [Test]
    [Arguments("\" caf\u00e9 \ud83d\ude42\"", " café 🙂")]
    [Arguments("\"\\u00e9\\n\\\"\\\\\\t\"", "é\n\"\\\t")]
    public async Task GenerateStreaming_ValidTokenText_SameTextOnBothModes(string textJson, string expected)
    {
        string body = Sse.Frame([Sse.Token(1, 7, textJson), Sse.Token(2, 2, "\"</s>\"", "\"x\"", special: true)]);

        List<GenerateStreamUpdate> normal = await Expect.ToListAsync(ReplayHandler.Sse(body).CreateClient().GenerateStreamingAsync("Hi"));
        List<string> raw = [];
        await foreach (GenerateStreamRawUpdate update in ReplayHandler.Sse(body).CreateClient().GenerateStreamingRawAsync("Hi"))
        {
            raw.Add(Encoding.UTF8.GetString(update.TextUtf8.Span));
        }

        await Assert.That(normal[0].Token.Text).IsEqualTo(expected);
        await Assert.That(raw[0]).IsEqualTo(expected);
    }

    private static TgiClient Client(byte[] body) =>
        new ReplayHandler(_ =>
        {
            HttpResponseMessage response = new(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "text/event-stream");
            return response;
        }).CreateClient();

    private static byte[] StreamWithTokenText(byte[] text)
    {
        byte[] template = Encoding.UTF8.GetBytes(Sse.Frame([Sse.Token(1, 7, "\"@\""), Sse.Token(2, 2, "\"</s>\"", "\"x\"", special: true)]));
        int at = Array.IndexOf(template, (byte)'@');
        return [.. template.AsSpan(0, at), .. text, .. template.AsSpan(at + 1)];
    }
}
