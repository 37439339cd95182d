// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using Tgi.Sdk.Streaming;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Streaming;

public class SseEventReaderTests
{
    private static readonly string[] s_expected = ["{\"a\":1}", "line1\nline2", "{\"b\":\"x y\"}", "[DONE]"];

    [Test]
    [MatrixDataSource]
    public async Task ReadEvents_NewlineChunkSpaceMatrix_FramesEveryEvent(
        [Matrix("\r", "\n", "\r\n")] string newline,
        [Matrix(1, 2, 3, 7, 64, int.MaxValue)] int chunkSize,
        [Matrix(true, false)] bool space)
    {
        string d = space ? "data: " : "data:";
        string nl = newline;
        string payload =
            "\uFEFF"
            + ":" + nl + nl                                   // keep-alive comment
            + d + "{\"a\":1}" + nl + nl
            + nl                                              // bare blank line (TGI's Event::default())
            + "event: ignored" + nl + "id: 7" + nl + d + "line1" + nl + d + "line2" + nl + nl
            + ": comment" + nl
            + "data:" + nl + nl                               // empty data: not dispatched
            + d + "{\"b\":\"x y\"}" + nl + nl
            + d + "[DONE]" + nl + nl;

        List<string> events = await ReadAllAsync(payload, chunkSize);

        await Assert.That(events).IsEquivalentTo(s_expected);
    }

    [Test]
    public async Task ReadEvents_IncompleteFinalEvent_IsDiscarded()
    {
        List<string> events = await ReadAllAsync("data: one\n\ndata: two", 5);

        await Assert.That(events).IsEquivalentTo(new[] { "one" });
    }

    [Test]
    public async Task ReadEvents_DataOverMaxEventSize_ThrowsProtocolError()
    {
        string payload = "data: " + new string('x', 300) + "\n\n";

        TgiException ex = await Expect.TgiExceptionAsync(() => ReadAllAsync(payload, 16, maxEventSize: 256));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Protocol);
    }

    [Test]
    public async Task ReadEvents_UnterminatedLineOverMaxEventSize_ThrowsWithoutBufferingItAll()
    {
        // A line that never ends: the reader must stop at the cap instead of buffering 1 MB.
        string payload = "data: " + new string('x', 1_000_000);

        TgiException ex = await Expect.TgiExceptionAsync(() => ReadAllAsync(payload, 4096, maxEventSize: 1024));

        await Assert.That(ex.Message).Contains("maximum event size");
    }

    [Test]
    public async Task ReadEvents_MultiLineDataOverMaxEventSize_Throws()
    {
        string payload = "data: " + new string('x', 100) + "\ndata: " + new string('y', 100) + "\n\n";

        await Assert.That(async () => await ReadAllAsync(payload, 8, maxEventSize: 150)).Throws<TgiException>();
    }

    [Test]
    public async Task ReadEvents_CrAtBufferEnd_IsOneLineEnd()
    {
        // CR and LF in different reads must not produce a phantom blank line (which would split the event).
        List<string> events = await ReadAllAsync("data: a\r\ndata: b\r\n\r\n", 8);

        await Assert.That(events).IsEquivalentTo(new[] { "a\nb" });
    }

    internal static async Task<List<string>> ReadAllAsync(string payload, int chunkSize, int maxEventSize = 1024 * 1024)
    {
        using TrickleStream stream = new(Encoding.UTF8.GetBytes(payload), chunkSize);
        using SseEventReader reader = new(stream, maxEventSize, TimeSpan.FromSeconds(5), CancellationToken.None);
        List<string> events = [];
        while (true)
        {
            while (TryRead(reader, out string? data))
            {
                events.Add(data!);
            }

            if (!await reader.FillAsync())
            {
                return events;
            }
        }
    }

    private static bool TryRead(SseEventReader reader, out string? data)
    {
        if (reader.TryReadEvent(out ReadOnlySpan<byte> span))
        {
            data = Encoding.UTF8.GetString(span);
            return true;
        }

        data = null;
        return false;
    }
}
