// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Testing;
using Tgi.Sdk.Tests.Emulator;
using Tgi.Sdk.Tests.Infrastructure;
using Tgi.TestSupport;

namespace Tgi.Sdk.Tests.Hardening;

/// <summary>
/// Issue 13 item 6: keep-alives or trickled bytes reset the idle timer, so a stream needs a limit on the wait for its
/// next event. The servers here never finish: only the event timeout can end the stream, whatever the machine's speed
/// (no upper time bound is asserted).
/// </summary>
public class StreamEventTimeoutTests
{
    [Test]
    public async Task ChatStreamingAsync_OnlyKeepAlives_EndsWithEventTimeout()
    {
        await using Loopback tgi = await Loopback.StartAsync(
            new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("a", "b") },
            new TgiClientOptions { StreamEventTimeout = TimeSpan.FromSeconds(1) });

        // A request stuck in the queue: keep-alives every 50 ms, no token for an hour.
        tgi.Emulator.Faults.KeepAliveEvery = TimeSpan.FromMilliseconds(50);
        tgi.Emulator.Faults.TimeToFirstToken = TimeSpan.FromHours(1);

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(tgi.Client.ChatStreamingAsync([ChatMessage.CreateUser("Hi")])));

        await AssertEventTimeout(ex);
    }

    [Test]
    public async Task GenerateStreamingAsync_OneByteAtATime_EndsWithEventTimeout()
    {
        await using HostileServer server = HostileServer.Start(static async (_, stream, ct) =>
        {
            await HostileServer.WriteHeadAsync(stream, 200, ct, "Content-Type: text/event-stream");
            await stream.WriteAsync("data: {\"index\":1,\"token\":{\"id\":1,\"text\":\"a\",\"logprob\":-0.5,\"special\":false},\"generated_text\":null,\"details\":null}\n\n"u8.ToArray(), ct);

            // Then an event that never completes, one byte every 100 ms: each byte resets the idle timer.
            while (true)
            {
                await stream.WriteAsync(" "u8.ToArray(), ct);
                await Task.Delay(100, ct);
            }
        });
        TgiClient client = new(server.BaseAddress, new TgiClientOptions { StreamEventTimeout = TimeSpan.FromSeconds(1) });
        int updates = 0;

        TgiException ex = await Expect.TgiExceptionAsync(async () =>
        {
            await foreach (Tgi.Sdk.Generate.GenerateStreamUpdate update in client.GenerateStreamingAsync("Hi"))
            {
                updates++;
            }
        });

        await AssertEventTimeout(ex);
        await Assert.That(updates).IsEqualTo(1);
    }

    [Test]
    public async Task Constructor_NonPositiveStreamEventTimeout_Throws()
    {
        await Assert.That(() => new TgiClient(new Uri("http://127.0.0.1:9/"), new TgiClientOptions { StreamEventTimeout = TimeSpan.Zero })).Throws<ArgumentOutOfRangeException>();
    }

    private static async Task AssertEventTimeout(TgiException ex)
    {
        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Timeout);
        await Assert.That(ex.IsRetryable).IsTrue();
        await Assert.That(ex.Message).Contains("stream event timeout");
    }
}
