// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using Tgi.Sdk.Streaming;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Streaming;

/// <summary>What the SSE reader holds while it waits: no buffer once it has caught up with the server.</summary>
public class SseEventReaderBufferTests
{
    private static readonly string[] s_events = [.. Enumerable.Range(0, 20).Select(i => $"{{\"index\":{i:00},\"text\":\"token {i:00}\"}}")];

    [Test]
    public async Task ReadEvents_ServerFlushesEachEvent_WaitsWithZeroByteReadsHoldingNoBuffer()
    {
        // One event per read, as TGI flushes them: every wait after a short read is a zero-byte read.
        string first = "data: " + s_events[0] + "\n\n";
        ReadRecordingStream stream = new(Encoding.UTF8.GetBytes(Sse.Frame(s_events)), Encoding.UTF8.GetByteCount(first));
        using SseEventReader reader = new(stream, 1024 * 1024, TimeSpan.FromSeconds(30), CancellationToken.None);
        List<int> heldWhileWaiting = [];
        stream.OnZeroByteRead = () => heldWhileWaiting.Add(reader.ReadBufferBytes + reader.DataBufferBytes);

        List<string> events = await ReadAllAsync(reader);

        await Assert.That(events).IsEquivalentTo(s_events, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(heldWhileWaiting.Count).IsGreaterThanOrEqualTo(s_events.Length - 1);
        await Assert.That(heldWhileWaiting.Distinct()).IsEquivalentTo(new[] { 0 });
    }

    [Test]
    public async Task ReadEvents_ServerSendsMoreThanABuffer_ReadsWithoutZeroByteReads()
    {
        // Reads that fill the buffer mean more is waiting: no zero-byte read until a read comes back short.
        string[] many = [.. Enumerable.Range(0, 2000).Select(i => $"{{\"index\":{i}}}")];
        ReadRecordingStream stream = new(Encoding.UTF8.GetBytes(Sse.Frame(many)), int.MaxValue);
        using SseEventReader reader = new(stream, 1024 * 1024, TimeSpan.FromSeconds(30), CancellationToken.None);

        List<string> events = await ReadAllAsync(reader);

        await Assert.That(events.Count).IsEqualTo(many.Length);
        await Assert.That(stream.RequestedSizes.Count).IsGreaterThan(3);
        await Assert.That(stream.RequestedSizes.Count(size => size == 0)).IsLessThanOrEqualTo(1);
    }

    [Test]
    [Arguments(1)]
    [Arguments(7)]
    [Arguments(44)]
    public async Task ReadEvents_EventsSplitAcrossReads_EveryEventWholeAndNoReadBufferWhileWaiting(int chunkSize)
    {
        // A read that ends mid-line keeps its bytes in the read buffer (no zero-byte wait then); one that ends after
        // a data line but before the blank line keeps the line in the data buffer and waits without the read buffer.
        string payload = "data: a\ndata: b\n\n" + Sse.Frame(s_events);
        ReadRecordingStream stream = new(Encoding.UTF8.GetBytes(payload), chunkSize);
        using SseEventReader reader = new(stream, 1024 * 1024, TimeSpan.FromSeconds(30), CancellationToken.None);
        List<int> readBufferWhileWaiting = [];
        stream.OnZeroByteRead = () => readBufferWhileWaiting.Add(reader.ReadBufferBytes);

        List<string> events = await ReadAllAsync(reader);

        await Assert.That(events).IsEquivalentTo(new[] { "a\nb" }.Concat(s_events), TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(readBufferWhileWaiting.Count).IsGreaterThan(0);
        await Assert.That(readBufferWhileWaiting.Distinct()).IsEquivalentTo(new[] { 0 });
    }

    [Test]
    public async Task ReadEvents_ServerStallsAfterAnEvent_IdleTimeoutCoversTheZeroByteWait()
    {
        ReadRecordingStream stream = new(Encoding.UTF8.GetBytes(Sse.Frame([s_events[0]])), int.MaxValue, stallAtEnd: true);
        using SseEventReader reader = new(stream, 1024 * 1024, TimeSpan.FromMilliseconds(200), CancellationToken.None);

        TgiException ex = await Expect.TgiExceptionAsync(() => ReadAllAsync(reader));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Timeout);
        await Assert.That(stream.RequestedSizes[^1]).IsEqualTo(0);
    }

    [Test]
    public async Task ReleaseIfDrained_AfterEachEventOfALiveStream_HoldsNoBufferBetweenEvents()
    {
        // What the enumerator does after each update: a stream whose server sends one event at a time keeps nothing.
        string first = "data: " + s_events[0] + "\n\n";
        ReadRecordingStream stream = new(Encoding.UTF8.GetBytes(Sse.Frame(s_events)), Encoding.UTF8.GetByteCount(first));
        using SseEventReader reader = new(stream, 1024 * 1024, TimeSpan.FromSeconds(30), CancellationToken.None);
        List<string> events = [];
        List<int> heldBetweenEvents = [];
        do
        {
            while (TryRead(reader, out string? data))
            {
                events.Add(data!);
                reader.ReleaseIfDrained();
                heldBetweenEvents.Add(reader.ReadBufferBytes + reader.DataBufferBytes);
            }
        }
        while (await reader.FillAsync());

        await Assert.That(events).IsEquivalentTo(s_events, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(heldBetweenEvents.Distinct()).IsEquivalentTo(new[] { 0 });
    }

    [Test]
    public async Task ReleaseIfDrained_ReadsFillTheBuffer_KeepsItAndTheBufferedEvents()
    {
        // A fast source (more than a buffer per read): nothing is released, and no buffered event is lost.
        string[] many = [.. Enumerable.Range(0, 2000).Select(i => $"{{\"index\":{i}}}")];
        ReadRecordingStream stream = new(Encoding.UTF8.GetBytes(Sse.Frame(many)), int.MaxValue);
        using SseEventReader reader = new(stream, 1024 * 1024, TimeSpan.FromSeconds(30), CancellationToken.None);
        List<string> events = [];
        int heldAfterFirst = -1;
        do
        {
            while (TryRead(reader, out string? data))
            {
                events.Add(data!);
                reader.ReleaseIfDrained();
                if (heldAfterFirst < 0)
                {
                    heldAfterFirst = reader.ReadBufferBytes;
                }
            }
        }
        while (await reader.FillAsync());

        await Assert.That(events).IsEquivalentTo(many, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(heldAfterFirst).IsGreaterThan(0);
    }

    [Test]
    public async Task Dispose_AfterReading_ReturnsEveryBuffer()
    {
        ReadRecordingStream stream = new(Encoding.UTF8.GetBytes("data: a\ndata: b\n\n" + Sse.Frame(s_events)), 5);
        SseEventReader reader = new(stream, 1024 * 1024, TimeSpan.FromSeconds(30), CancellationToken.None);
        List<string> events = await ReadAllAsync(reader);
        int heldBeforeDispose = reader.ReadBufferBytes + reader.DataBufferBytes;

        reader.Dispose();

        await Assert.That(events[0]).IsEqualTo("a\nb");
        await Assert.That(heldBeforeDispose).IsGreaterThan(0);
        await Assert.That(reader.ReadBufferBytes + reader.DataBufferBytes).IsEqualTo(0);
    }

    private static async Task<List<string>> ReadAllAsync(SseEventReader reader)
    {
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
