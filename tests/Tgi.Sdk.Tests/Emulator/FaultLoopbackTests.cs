// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Testing;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Emulator;

public class FaultLoopbackTests
{
    private static readonly TimeSpan s_connectionWait = TimeSpan.FromSeconds(10);

    [Test]
    public async Task GenerateStreamingAsync_ServerDisconnects_ThrowsRetryableTransportError()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" x", 10) });
        tgi.Emulator.Faults.DisconnectAfterTokens = 2;
        int seen = 0;

        TgiException ex = await Expect.TgiExceptionAsync(async () =>
        {
            await foreach (GenerateStreamUpdate update in tgi.Client.GenerateStreamingAsync("Hi"))
            {
                seen++;
            }
        });

        // An abort (RST) can drop bytes already in flight, so at most the tokens sent before it arrive.
        await Assert.That(seen).IsLessThanOrEqualTo(2);
        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Transport);
        await Assert.That(ex.IsRetryable).IsTrue();
    }

    [Test]
    public async Task ChatStreamingAsync_ServerDisconnects_ThrowsInsteadOfShortAnswer()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" x", 10) });
        tgi.Emulator.Faults.DisconnectAfterTokens = 3;

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(tgi.Client.ChatStreamingAsync([ChatMessage.CreateUser("Hi")])));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Transport);
    }

    [Test]
    public async Task GenerateStreamingAsync_ServerStalls_IdleTimeoutThrows()
    {
        await using Loopback tgi = await Loopback.StartAsync(
            new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" x", 10) },
            new TgiClientOptions { StreamIdleTimeout = TimeSpan.FromMilliseconds(300) });
        tgi.Emulator.Faults.StallAfterTokens = 2;

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(tgi.Client.GenerateStreamingAsync("Hi")));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Timeout);
        await Assert.That(ex.IsRetryable).IsTrue();
        await tgi.Emulator.WaitForOpenConnectionsAsync(0, s_connectionWait);
    }

    [Test]
    public async Task ChatStreamingAsync_KeepAlivesWithinIdleTimeout_DoNotEndTheStream()
    {
        await using Loopback tgi = await Loopback.StartAsync(
            new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("a", "b") },
            new TgiClientOptions { StreamIdleTimeout = TimeSpan.FromSeconds(5) });
        tgi.Emulator.Faults.KeepAliveEvery = TimeSpan.FromMilliseconds(20);
        tgi.Emulator.Faults.TimeToFirstToken = TimeSpan.FromMilliseconds(100);

        List<ChatCompletionUpdate> updates = await Expect.ToListAsync(tgi.Client.ChatStreamingAsync([ChatMessage.CreateUser("Hi")]));

        await Assert.That(string.Concat(updates.Select(u => u.ContentDelta))).IsEqualTo("ab");
    }

    [Test]
    public async Task GenerateStreamingAsync_MalformedEvent_ThrowsProtocolError()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" x", 10) });
        tgi.Emulator.Faults.MalformedEventAfterTokens = 1;

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(tgi.Client.GenerateStreamingAsync("Hi")));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Protocol);
        await Assert.That(ex.IsRetryable).IsFalse();
    }

    [Test]
    public async Task GenerateStreamingAsync_OversizeEvent_ThrowsWithoutBuffering()
    {
        await using Loopback tgi = await Loopback.StartAsync(
            new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" x", 3) },
            new TgiClientOptions { MaxEventSize = 16 * 1024 });
        tgi.Emulator.Faults.OversizeEventBytes = 256 * 1024;

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(tgi.Client.GenerateStreamingAsync("Hi")));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Protocol);
        await Assert.That(ex.Message).Contains("maximum event size");
    }

    [Test]
    public async Task GenerateStreamingAsync_BreakOutOfLoop_ClosesTheConnection()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" x", 10_000) });
        tgi.Emulator.Faults.TokensPerSecond = 200;
        int seen = 0;

        await foreach (GenerateStreamUpdate update in tgi.Client.GenerateStreamingAsync("Hi"))
        {
            seen++;
            if (seen == 2)
            {
                break;
            }
        }

        // The emulator sees the client go: the connection closes long before 10 000 tokens at 200/s.
        await tgi.Emulator.WaitForOpenConnectionsAsync(0, s_connectionWait);
        await Assert.That(tgi.Emulator.OpenConnections).IsEqualTo(0);
    }

    [Test]
    public async Task ChatStreamingAsync_BreakOutOfLoop_ClosesTheConnection()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" x", 10_000) });
        tgi.Emulator.Faults.TokensPerSecond = 200;

        await foreach (ChatCompletionUpdate update in tgi.Client.ChatStreamingAsync([ChatMessage.CreateUser("Hi")]))
        {
            break;
        }

        await tgi.Emulator.WaitForOpenConnectionsAsync(0, s_connectionWait);
        await Assert.That(tgi.Emulator.OpenConnections).IsEqualTo(0);
    }

    [Test]
    public async Task GenerateStreamingAsync_CancelMidStream_ThrowsOperationCanceledAndCloses()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" x", 10_000) });
        tgi.Emulator.Faults.TokensPerSecond = 50;
        using CancellationTokenSource cts = new();
        int seen = 0;

        await Assert.That(async () =>
        {
            await foreach (GenerateStreamUpdate update in tgi.Client.GenerateStreamingAsync("Hi", cancellationToken: cts.Token))
            {
                if (++seen == 2)
                {
                    cts.Cancel();
                }
            }
        }).Throws<OperationCanceledException>();

        await Assert.That(seen).IsEqualTo(2);
        await tgi.Emulator.WaitForOpenConnectionsAsync(0, s_connectionWait);
    }

    [Test]
    public async Task GenerateStreamingAsync_CancelWhileWaitingForToken_StopsWithinOneRead()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" x", 10) });
        tgi.Emulator.Faults.StallAfterTokens = 1;
        using CancellationTokenSource cts = new();

        await Assert.That(async () =>
        {
            await foreach (GenerateStreamUpdate update in tgi.Client.GenerateStreamingAsync("Hi").WithCancellation(cts.Token))
            {
                cts.CancelAfter(TimeSpan.FromMilliseconds(100));
            }
        }).Throws<OperationCanceledException>();
    }

    [Test]
    public async Task GenerateAsync_Overloaded_Is429Retryable()
    {
        await using Loopback tgi = await Loopback.StartAsync();
        tgi.Emulator.Faults.OverloadNextRequests = 1;

        TgiException ex = await Expect.TgiExceptionAsync(() => tgi.Client.GenerateAsync("Hi"));

        await Assert.That(ex.Status).IsEqualTo(429);
        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Overloaded);
        await Assert.That(ex.IsRetryable).IsTrue();
    }

    [Test]
    public async Task GenerateStreamingAsync_Overloaded_InBandEventIsRetryable()
    {
        await using Loopback tgi = await Loopback.StartAsync();
        tgi.Emulator.Faults.OverloadNextRequests = 1;

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(tgi.Client.GenerateStreamingAsync("Hi")));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Overloaded);
        await Assert.That(ex.IsRetryable).IsTrue();
    }

    [Test]
    public async Task ChatStreamingAsync_Overloaded_OpenAiShapeEventIsTyped()
    {
        await using Loopback tgi = await Loopback.StartAsync();
        tgi.Emulator.Faults.OverloadNextRequests = 1;

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(tgi.Client.ChatStreamingAsync([ChatMessage.CreateUser("Hi")])));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Overloaded);
        await Assert.That(ex.IsRetryable).IsTrue();
    }

    [Test]
    public async Task GenerateAsync_GenerationFailure_Is424()
    {
        await using Loopback tgi = await Loopback.StartAsync();
        tgi.Emulator.Faults.FailNextRequestsWithGenerationError = 1;

        TgiException ex = await Expect.TgiExceptionAsync(() => tgi.Client.GenerateAsync("Hi"));

        await Assert.That(ex.Status).IsEqualTo(424);
        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Generation);
    }

    [Test]
    public async Task GenerateAsync_SlowHeaders_RequestTimeoutThrows()
    {
        await using Loopback tgi = await Loopback.StartAsync(null, new TgiClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(200) });
        tgi.Emulator.Faults.ResponseHeadersDelay = TimeSpan.FromSeconds(5);

        TgiException ex = await Expect.TgiExceptionAsync(() => tgi.Client.GenerateAsync("Hi"));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Timeout);
    }

    [Test]
    public async Task GenerateStreamingAsync_SlowHeaders_RequestTimeoutThrows()
    {
        await using Loopback tgi = await Loopback.StartAsync(null, new TgiClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(200) });
        tgi.Emulator.Faults.ResponseHeadersDelay = TimeSpan.FromSeconds(5);

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(tgi.Client.GenerateStreamingAsync("Hi")));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Timeout);
    }

    [Test]
    public async Task GenerateAsync_Unavailable_Is503Retryable()
    {
        await using Loopback tgi = await Loopback.StartAsync();
        tgi.Emulator.Faults.Unavailable = true;

        TgiException ex = await Expect.TgiExceptionAsync(() => tgi.Client.GenerateAsync("Hi"));

        await Assert.That(ex.Status).IsEqualTo(503);
        await Assert.That(ex.IsRetryable).IsTrue();
    }

    [Test]
    public async Task GenerateAsync_NothingListening_IsTransportError()
    {
        int port;
        await using (Loopback gone = await Loopback.StartAsync())
        {
            port = gone.Emulator.BaseAddress.Port;
        }

        TgiClient client = new(new Uri($"http://127.0.0.1:{port}/"));

        TgiException ex = await Expect.TgiExceptionAsync(() => client.GenerateAsync("Hi"));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Transport);
    }
}
