// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tgi.Sdk.Providers;
using Tgi.Sdk.Providers.Tests.Support;

namespace Tgi.Sdk.Providers.Tests.HealthChecks;

/// <summary><c>AddHealthChecks().AddTgi()</c> through the real <see cref="HealthCheckService"/>, with emulators up and down.</summary>
public class TgiHealthCheckTests
{
    private const string ApiKey = "sk-health-secret-0001";

    [Test]
    public async Task AddTgi_AllReplicasUp_IsHealthyWithOneEntryPerReplica()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1");
        await using ServiceProvider container = Build(fleet);

        HealthReport report = await container.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        HealthReportEntry entry = report.Entries["tgi"];
        await Assert.That(report.Status).IsEqualTo(HealthStatus.Healthy);
        await Assert.That(entry.Description).IsEqualTo("TGI provider 'checked': all 2 replica(s) up.");
        await Assert.That(entry.Data[fleet.A.BaseAddress.AbsoluteUri]).IsEqualTo("up; health=healthy; circuit=Closed; model=m1");
        await Assert.That(entry.Data.Count).IsEqualTo(2);
    }

    [Test]
    public async Task AddTgi_OneReplicaUnhealthy_IsDegradedAndNamesIt()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1");
        fleet.B.IsHealthy = false;
        await using ServiceProvider container = Build(fleet);

        HealthReport report = await container.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        HealthReportEntry entry = report.Entries["tgi"];
        await Assert.That(report.Status).IsEqualTo(HealthStatus.Degraded);
        await Assert.That(entry.Description).IsEqualTo($"TGI provider 'checked': 1 of 2 replica(s) up; down: {fleet.B.BaseAddress}.");
        await Assert.That(entry.Data[fleet.B.BaseAddress.AbsoluteUri]).IsEqualTo("down; health=unhealthy; circuit=Closed; model=m1");
        await Assert.That(entry.Data[fleet.A.BaseAddress.AbsoluteUri]).IsEqualTo("up; health=healthy; circuit=Closed; model=m1");
    }

    [Test]
    public async Task AddTgi_NoReplicaUp_IsUnhealthy()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1");
        await using ServiceProvider container = Build(fleet);
        HealthCheckService health = container.GetRequiredService<HealthCheckService>();
        await health.CheckHealthAsync();

        // One replica stopped (connection refused), the other answering 503 to everything.
        await fleet.A.DisposeAsync();
        fleet.B.Faults.Unavailable = true;
        HealthReport report = await health.CheckHealthAsync();

        HealthReportEntry entry = report.Entries["tgi"];
        await Assert.That(report.Status).IsEqualTo(HealthStatus.Unhealthy);
        await Assert.That(entry.Description).StartsWith("TGI provider 'checked': 0 of 2 replica(s) up");
        await Assert.That(entry.Data.Values.All(v => ((string)v).StartsWith("down;", StringComparison.Ordinal))).IsTrue();
        await Assert.That(entry.Data.Values.All(v => ((string)v).EndsWith("model=m1", StringComparison.Ordinal))).IsTrue();
    }

    [Test]
    public async Task AddTgi_NamedProviderAndFailureStatus_AreHonoured()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1");
        fleet.A.IsHealthy = false;
        ServiceCollection services = new();
        services.AddTgiProvider("other", o =>
        {
            o.BaseUrl = fleet.A.BaseAddress.AbsoluteUri;
            o.HealthCheckInterval = TimeSpan.Zero;
        });
        services.AddHealthChecks().AddTgi("other", failureStatus: HealthStatus.Degraded, tags: ["ready"]);
        await using ServiceProvider container = services.BuildServiceProvider();

        HealthReport report = await container.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));

        await Assert.That(report.Entries["tgi:other"].Status).IsEqualTo(HealthStatus.Degraded);
    }

    [Test]
    public async Task AddTgi_Report_HoldsNoSecrets()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1");
        fleet.B.Faults.Unavailable = true;
        await using ServiceProvider container = Build(fleet);

        HealthReport report = await container.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        HealthReportEntry entry = report.Entries["tgi"];
        string all = entry.Description + " " + string.Join(" ", entry.Data.Select(d => d.Key + "=" + d.Value)) + " " + entry.Exception;
        await Assert.That(all).DoesNotContain(ApiKey);
        await Assert.That(all).DoesNotContain("gw-secret");
    }

    private static ServiceProvider Build(Fleet fleet)
    {
        ServiceCollection services = new();
        services.AddTgiProvider("checked", o =>
        {
            foreach (TgiEndpointOptions endpoint in fleet.Options().Endpoints)
            {
                o.Endpoints.Add(endpoint);
            }

            o.ApiKey = ApiKey;
            o.Headers["X-Gateway-Key"] = "gw-secret";
            o.HealthCheckInterval = TimeSpan.Zero;
        });
        services.AddHealthChecks().AddTgi();
        return services.BuildServiceProvider();
    }
}
