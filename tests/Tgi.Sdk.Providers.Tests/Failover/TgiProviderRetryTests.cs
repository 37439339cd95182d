// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Time.Testing;
using Tgi.Sdk.Providers;
using Tgi.Sdk.Providers.Tests.Support;

namespace Tgi.Sdk.Providers.Tests.Failover;

public class TgiProviderRetryTests
{
    [Test]
    public async Task CompleteAsync_EveryReplicaOverloaded_RetriesAnotherRoundAfterBackoff()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1", "m1");
        using TgiProvider provider = new(fleet.Options(o =>
        {
            o.Resilience.MaxRetries = 1;
            o.Resilience.RetryDelay = TimeSpan.FromMilliseconds(1);
        }));
        foreach (var replica in fleet.Replicas)
        {
            replica.Faults.OverloadNextRequests = 1;
        }

        TgiProviderResponse response = await provider.CompleteAsync(new TgiRequest { Prompt = "hi" });

        await Assert.That(response.Endpoint).IsEqualTo(fleet.A.BaseAddress);
        await Assert.That(fleet.Replicas.Select(Fleet.GenerationRequests)).IsEquivalentTo(new[] { 2, 1, 1 });
    }

    [Test]
    public async Task CompleteAsync_OverloadedWithRetryAfter_WaitsForIt()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1", "m1");
        SignalingTimeProvider timeProvider = new();
        FakeTimeProvider time = timeProvider.Clock;
        using HttpClient http = new(new RetryAfterHandler(timeProvider)
        {
            InnerHandler = new AddRetryAfterHandler(TimeSpan.FromSeconds(7)) { InnerHandler = new SocketsHttpHandler() },
        });
        using TgiProvider provider = new(
            fleet.Options(o =>
            {
                o.Resilience.MaxRetries = 1;
                o.Resilience.RetryDelay = TimeSpan.FromMilliseconds(1);
            }),
            http,
            timeProvider);
        await provider.HealthCheckAsync();
        foreach (var replica in fleet.Replicas)
        {
            replica.Faults.OverloadNextRequests = 1;
        }

        // The round's wait honours Retry-After: the clock moves only once that wait has started (the third 429
        // reaching the emulator is not enough: the provider may not have read it yet).
        Task retryWait = timeProvider.WaitForTimerAsync(due => due >= TimeSpan.FromSeconds(6));
        Task<TgiProviderResponse> pending = provider.CompleteAsync(new TgiRequest { Prompt = "hi" });
        await retryWait;
        await Assert.That(fleet.Replicas.Sum(Fleet.GenerationRequests)).IsEqualTo(3);

        // The backoff alone (1 ms) has passed, Retry-After (7 s) has not: no second round yet.
        time.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(100);
        await Assert.That(pending.IsCompleted).IsFalse();
        await Assert.That(fleet.Replicas.Sum(Fleet.GenerationRequests)).IsEqualTo(3);

        time.Advance(TimeSpan.FromSeconds(3));
        TgiProviderResponse response = await pending;

        await Assert.That(response.Endpoint).IsEqualTo(fleet.A.BaseAddress);
        await Assert.That(fleet.Replicas.Sum(Fleet.GenerationRequests)).IsEqualTo(4);
    }

    [Test]
    public async Task StreamAsync_OverloadedBeforeFirstToken_FailsOverWithoutDuplicates()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1", "m1");
        using TgiProvider provider = new(fleet.Options());
        fleet.A.Faults.OverloadNextRequests = 1;
        List<string> tokens = [];

        await foreach (TgiProviderUpdate update in provider.StreamAsync(new TgiRequest { Prompt = "hi" }))
        {
            tokens.Add(update.TextDelta);
        }

        await Assert.That(string.Concat(tokens)).IsEqualTo(string.Concat(Fleet.Reply));
        await Assert.That(tokens.Count(t => t == "Hello")).IsEqualTo(1);
        await Assert.That(Fleet.GenerationRequests(fleet.A)).IsEqualTo(1);
    }
}
