// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Time.Testing;
using Tgi.Sdk.Providers;
using Tgi.Sdk.Providers.Tests.Support;

namespace Tgi.Sdk.Providers.Tests.Failover;

public class TgiProviderCircuitTests
{
    [Test]
    public async Task Circuit_RepeatedFailures_OpensThenClosesAfterBreakAndSuccessfulTrial()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1", "m1");
        FakeTimeProvider time = new();
        using HttpClient http = TgiProvider.CreateHttpClient(time);
        using TgiProvider provider = new(
            fleet.Options(o =>
            {
                o.Resilience.CircuitBreakerMinimumThroughput = 2;
                o.Resilience.CircuitBreakerFailureRatio = 0.5;
                o.Resilience.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(10);
            }),
            http,
            time);
        await provider.HealthCheckAsync();
        fleet.A.Faults.Unavailable = true;

        // Two failures on A (each request then served by B) reach the minimum throughput at a 100% failure ratio.
        await provider.CompleteAsync(new TgiRequest { Prompt = "one" });
        await Assert.That(provider.GetEndpoints()[0].Circuit).IsEqualTo(TgiCircuitState.Closed);
        await provider.CompleteAsync(new TgiRequest { Prompt = "two" });
        await Assert.That(provider.GetEndpoints()[0].Circuit).IsEqualTo(TgiCircuitState.Open);
        await Assert.That(provider.GetEndpoints()[0].IsAvailable).IsFalse();

        // While open, A is skipped: no request reaches it.
        TgiProviderResponse skipped = await provider.CompleteAsync(new TgiRequest { Prompt = "three" });
        await Assert.That(skipped.Endpoint).IsEqualTo(fleet.B.BaseAddress);
        await Assert.That(Fleet.GenerationRequests(fleet.A)).IsEqualTo(2);

        // After the break, A is offered again; a successful trial closes the circuit.
        fleet.A.Faults.Unavailable = false;
        time.Advance(TimeSpan.FromSeconds(11));
        await Assert.That(provider.GetEndpoints()[0].Circuit).IsEqualTo(TgiCircuitState.HalfOpen);
        TgiProviderResponse trial = await provider.CompleteAsync(new TgiRequest { Prompt = "four" });

        await Assert.That(trial.Endpoint).IsEqualTo(fleet.A.BaseAddress);
        await Assert.That(provider.GetEndpoints()[0].Circuit).IsEqualTo(TgiCircuitState.Closed);
    }

    [Test]
    public async Task Circuit_FailedTrial_ReopensWithoutReachingTheCaller()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1", "m1");
        FakeTimeProvider time = new();
        using HttpClient http = TgiProvider.CreateHttpClient(time);
        using TgiProvider provider = new(
            fleet.Options(o =>
            {
                o.Resilience.CircuitBreakerMinimumThroughput = 2;
                o.Resilience.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(10);
            }),
            http,
            time);
        await provider.HealthCheckAsync();
        fleet.A.Faults.Unavailable = true;
        await provider.CompleteAsync(new TgiRequest { Prompt = "one" });
        await provider.CompleteAsync(new TgiRequest { Prompt = "two" });

        time.Advance(TimeSpan.FromSeconds(11));
        TgiProviderResponse response = await provider.CompleteAsync(new TgiRequest { Prompt = "trial" });

        await Assert.That(response.Endpoint).IsEqualTo(fleet.B.BaseAddress);
        await Assert.That(Fleet.GenerationRequests(fleet.A)).IsEqualTo(3);
        await Assert.That(provider.GetEndpoints()[0].Circuit).IsEqualTo(TgiCircuitState.Open);
    }

    [Test]
    public async Task Circuit_AllReplicasOpen_ThrowsRetryableTgiException()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1", "m1");
        FakeTimeProvider time = new();
        using HttpClient http = TgiProvider.CreateHttpClient(time);
        using TgiProvider provider = new(fleet.Options(o => o.Resilience.CircuitBreakerMinimumThroughput = 2), http, time);
        await provider.HealthCheckAsync();
        foreach (var replica in fleet.Replicas)
        {
            replica.Faults.Unavailable = true;
        }

        for (int i = 0; i < 2; i++)
        {
            await Assert.That(async () => await provider.CompleteAsync(new TgiRequest { Prompt = "x" })).Throws<TgiException>();
        }

        TgiException? error = await Assert.That(async () => await provider.CompleteAsync(new TgiRequest { Prompt = "x" })).Throws<TgiException>();

        await Assert.That(error!.ErrorType).IsEqualTo(new TgiErrorType("circuit_open"));
        await Assert.That(error.IsRetryable).IsTrue();
        await Assert.That(fleet.Replicas.Sum(Fleet.GenerationRequests)).IsEqualTo(6);
    }
}
