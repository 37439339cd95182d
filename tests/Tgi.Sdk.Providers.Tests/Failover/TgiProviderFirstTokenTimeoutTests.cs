// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using Microsoft.Extensions.Time.Testing;
using Tgi.Sdk.Providers;
using Tgi.Sdk.Providers.Tests.Support;

namespace Tgi.Sdk.Providers.Tests.Failover;

/// <summary>
/// A replica that sends its headers and then no token must not hold a stream: the first-token timeout moves it to the
/// next replica. No test bounds how long anything takes; the stalled replica would stall forever, and the generous
/// class timeout only turns a missing first-token timeout into a failure instead of a hang.
/// </summary>
[Timeout(180_000)]
public class TgiProviderFirstTokenTimeoutTests
{
    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task StreamAsync_ReplicaStallsAfterHeaders_FailsOverToTheNextReplica(bool messages, CancellationToken cancellationToken)
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1");

        // The emulator sends 200 and the SSE headers at once, then goes silent before the first token.
        fleet.A.Faults.StallAfterTokens = 0;
        FakeTimeProvider time = new();
        using HttpClient http = TgiProvider.CreateHttpClient(time);
        using TgiProvider provider = new(
            fleet.Options(o =>
            {
                o.FirstTokenTimeout = TimeSpan.FromSeconds(1);
                o.StreamIdleTimeout = TimeSpan.FromMinutes(10);
            }),
            http,
            time);
        TgiRequest request = messages
            ? new TgiRequest { Messages = { Chat.ChatMessage.CreateUser("hi") }, Model = "m1" }
            : new TgiRequest { Prompt = "hi", Model = "m1" };

        (string text, Uri? endpoint) = await StreamPastTheDeadlineOfAAsync(fleet, provider, time, request, cancellationToken);

        await Assert.That(text).IsEqualTo("Hello from the fleet.");
        await Assert.That(endpoint).IsEqualTo(fleet.B.BaseAddress);
        await Assert.That(Fleet.GenerationRequests(fleet.A)).IsEqualTo(1);
        await Assert.That(provider.GetEndpoints()[0].LastError).Contains("first-token timeout of 1 s");
    }

    [Test]
    public async Task StreamAsync_KeepAlivesButNoToken_StillFailsOver(CancellationToken cancellationToken)
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1");

        // Keep-alives reset the stream idle timer, so only the first-token timeout can end this wait.
        fleet.A.Faults.TimeToFirstToken = TimeSpan.FromMinutes(10);
        fleet.A.Faults.KeepAliveEvery = TimeSpan.FromMilliseconds(100);
        FakeTimeProvider time = new();
        using HttpClient http = TgiProvider.CreateHttpClient(time);
        using TgiProvider provider = new(
            fleet.Options(o =>
            {
                o.FirstTokenTimeout = TimeSpan.FromSeconds(1);
                o.StreamIdleTimeout = TimeSpan.FromMinutes(10);
            }),
            http,
            time);

        (string text, Uri? endpoint) = await StreamPastTheDeadlineOfAAsync(fleet, provider, time, new TgiRequest { Prompt = "hi", Model = "m1" }, cancellationToken);

        await Assert.That(text).IsEqualTo("Hello from the fleet.");
        await Assert.That(endpoint).IsEqualTo(fleet.B.BaseAddress);
    }

    [Test]
    public async Task StreamAsync_StallAfterFirstToken_EndsWithTheIdleTimeoutAndNeverFailsOver(CancellationToken cancellationToken)
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1");
        fleet.A.Faults.StallAfterTokens = 2;
        using TgiProvider provider = new(fleet.Options(o =>
        {
            o.FirstTokenTimeout = TimeSpan.FromMinutes(10);
            // Generous: the first two tokens arrive at once, but a loaded machine may pause the reader for a while.
            o.StreamIdleTimeout = TimeSpan.FromSeconds(5);
        }));
        StringBuilder received = new();

        TgiException? error = await Assert.That(async () =>
        {
            await foreach (TgiProviderUpdate update in provider.StreamAsync(new TgiRequest { Prompt = "hi", Model = "m1" }, cancellationToken))
            {
                received.Append(update.TextDelta);
            }
        }).Throws<TgiException>();

        await Assert.That(error!.ErrorType).IsEqualTo(TgiErrorType.Timeout);
        await Assert.That(error.Message).Contains("stream idle timeout of 5 s");
        await Assert.That(received.ToString()).IsEqualTo("Hello from");
        await Assert.That(Fleet.GenerationRequests(fleet.B)).IsEqualTo(0);
    }

    [Test]
    public async Task StreamAsync_CallerCancelsWhileWaitingForFirstToken_ThrowsOperationCanceledWithoutFailover(CancellationToken cancellationToken)
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1");
        fleet.A.Faults.StallAfterTokens = 0;
        using TgiProvider provider = new(fleet.Options(o => o.FirstTokenTimeout = TimeSpan.FromMinutes(10)));
        await provider.HealthCheckAsync();
        using CancellationTokenSource cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        Task streaming = Task.Run(async () =>
        {
            await foreach (TgiProviderUpdate update in provider.StreamAsync(new TgiRequest { Prompt = "hi", Model = "m1" }, cancel.Token))
            {
                _ = update;
            }
        });
        await Eventually.TrueAsync(() => Fleet.GenerationRequests(fleet.A) == 1);
        await cancel.CancelAsync();

        await Assert.That(async () => await streaming).Throws<OperationCanceledException>();
        await Assert.That(Fleet.GenerationRequests(fleet.B)).IsEqualTo(0);
    }

    /// <summary>
    /// Streams while the first replica stalls: once it holds the request, the fake clock passes the first-token timeout,
    /// and never moves again, so the next replica's deadline cannot run out however slow the machine is.
    /// </summary>
    private static async Task<(string Text, Uri? Endpoint)> StreamPastTheDeadlineOfAAsync(
        Fleet fleet, TgiProvider provider, FakeTimeProvider time, TgiRequest request, CancellationToken cancellationToken)
    {
        Task<(string Text, Uri? Endpoint)> streaming = StreamAsync(provider, request, cancellationToken);
        await Assert.That(await Eventually.TrueAsync(() => Fleet.GenerationRequests(fleet.A) == 1 || streaming.IsCompleted)).IsTrue();
        time.Advance(TimeSpan.FromSeconds(1));   // the first-token timeout both tests set
        return await streaming;
    }

    private static async Task<(string Text, Uri? Endpoint)> StreamAsync(TgiProvider provider, TgiRequest request, CancellationToken cancellationToken)
    {
        StringBuilder text = new();
        Uri? endpoint = null;
        await foreach (TgiProviderUpdate update in provider.StreamAsync(request, cancellationToken))
        {
            text.Append(update.TextDelta);
            endpoint = update.Endpoint;
        }

        return (text.ToString(), endpoint);
    }
}
