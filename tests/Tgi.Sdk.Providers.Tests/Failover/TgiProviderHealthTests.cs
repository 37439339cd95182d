// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Time.Testing;
using Tgi.Sdk.Providers;
using Tgi.Sdk.Providers.Tests.Support;

namespace Tgi.Sdk.Providers.Tests.Failover;

public class TgiProviderHealthTests
{
    [Test]
    public async Task HealthCheckAsync_UnhealthyReplica_IsSkippedUntilHealthyAgain()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1", "m1");
        using TgiProvider provider = new(fleet.Options());
        fleet.A.IsHealthy = false;

        TgiProviderHealth health = await provider.HealthCheckAsync();
        TgiProviderResponse whileDown = await provider.CompleteAsync(new TgiRequest { Prompt = "hi" });

        await Assert.That(health.IsHealthy).IsTrue();
        await Assert.That(health.Endpoints[0].IsHealthy == false).IsTrue();
        await Assert.That(health.Endpoints[0].LastError).Contains("503");
        await Assert.That(whileDown.Endpoint).IsEqualTo(fleet.B.BaseAddress);
        await Assert.That(Fleet.GenerationRequests(fleet.A)).IsEqualTo(0);

        fleet.A.IsHealthy = true;
        await provider.HealthCheckAsync();
        TgiProviderResponse afterRecovery = await provider.CompleteAsync(new TgiRequest { Prompt = "hi" });

        await Assert.That(afterRecovery.Endpoint).IsEqualTo(fleet.A.BaseAddress);
    }

    [Test]
    public async Task HealthCheckAsync_StoppedReplica_IsUnhealthyWithTransportError()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m2", "m1");
        using TgiProvider provider = new(fleet.Options());
        await fleet.C.DisposeAsync();

        TgiProviderHealth health = await provider.HealthCheckAsync();

        await Assert.That(health.Endpoints.Select(e => e.IsHealthy)).IsEquivalentTo(new bool?[] { true, true, false });
        await Assert.That(health.Endpoints.Select(e => e.Model)).IsEquivalentTo(new[] { "m1", "m2", null });
        await Assert.That(health.Endpoints[2].LastError).IsNotNull();
    }

    [Test]
    public async Task HealthCheckAsync_SilentReplica_IsMarkedUnhealthyAfterTheHealthCheckTimeout()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1", "m1");
        using TgiProvider provider = new(fleet.Options(o => o.HealthCheckTimeout = TimeSpan.FromSeconds(2)));
        fleet.A.Faults.ResponseHeadersDelay = TimeSpan.FromSeconds(30);

        TgiProviderHealth health = await provider.HealthCheckAsync();

        await Assert.That(health.Endpoints[0].IsHealthy == false).IsTrue();
        await Assert.That(health.Endpoints[0].LastError).StartsWith("No answer to GET /health within 2 s");
        await Assert.That(health.Endpoints[1].IsHealthy == true).IsTrue();
        fleet.A.Faults.ResponseHeadersDelay = null;
    }

    [Test]
    public async Task Timer_EveryInterval_RefreshesHealthAndModels()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m2", "m1");
        FakeTimeProvider time = new();
        using HttpClient http = TgiProvider.CreateHttpClient(time);
        using TgiProvider provider = new(fleet.Options(o => o.HealthCheckInterval = TimeSpan.FromSeconds(30)), http, time);
        TgiInfoCheck first = await CheckAsync(provider, "m2");
        await Assert.That(first.Served).IsEqualTo("m2");

        // The replica restarts serving another model and is unhealthy: only the periodic check can notice.
        fleet.B.Options.ModelId = "m3";
        fleet.B.IsHealthy = false;
        time.Advance(TimeSpan.FromSeconds(30));

        await Assert.That(await Eventually.TrueAsync(() => provider.GetEndpoints()[1] is { Model: "m3", IsHealthy: false })).IsTrue();
        await Assert.That(provider.GetEndpoints()[1].LastCheckedAt).IsEqualTo(time.GetUtcNow());

        fleet.B.IsHealthy = true;
        time.Advance(TimeSpan.FromSeconds(30));

        await Assert.That(await Eventually.TrueAsync(() => provider.GetEndpoints()[1].IsHealthy == true)).IsTrue();
        TgiInfoCheck second = await CheckAsync(provider, "m3");
        await Assert.That(second.Endpoint).IsEqualTo(fleet.B.BaseAddress);
    }

    private static async Task<TgiInfoCheck> CheckAsync(TgiProvider provider, string model)
    {
        TgiProviderResponse response = await provider.CompleteAsync(new TgiRequest { Prompt = "hi", Model = model });
        Introspection.TgiInfo info = await provider.GetInfoAsync(model);
        return new TgiInfoCheck(info.ModelId, response.Endpoint);
    }

    private sealed record TgiInfoCheck(string Served, Uri Endpoint);
}
