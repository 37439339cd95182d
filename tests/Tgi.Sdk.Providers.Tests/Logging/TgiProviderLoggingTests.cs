// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Tgi.Sdk.Providers;
using Tgi.Sdk.Providers.Tests.Support;

namespace Tgi.Sdk.Providers.Tests.Logging;

/// <summary>The provider's log events, read from a real logging pipeline with FakeLogger; no secret in any line.</summary>
public class TgiProviderLoggingTests
{
    private const string ApiKey = "sk-live-0123456789abcdef";
    private const string Prompt = "the launch codes are 4-8-15-16-23-42";

    [Test]
    public async Task Failover_IsLoggedWithBothEndpointsAndTheReason()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1");
        fleet.A.Faults.OverloadNextRequests = 1;
        (ServiceProvider container, FakeLogCollector logs) = Build(fleet);
        await using ServiceProvider _ = container;
        TgiProvider provider = container.GetRequiredService<TgiProvider>();

        TgiProviderResponse response = await provider.CompleteAsync(new TgiRequest { Prompt = Prompt, Model = "m1" });

        FakeLogRecord failover = logs.GetSnapshot().Single(r => r.Id.Name == "Failover");
        await Assert.That(response.Endpoint).IsEqualTo(fleet.B.BaseAddress);
        await Assert.That(failover.Level).IsEqualTo(LogLevel.Warning);
        await Assert.That(failover.Category).IsEqualTo("Tgi.Sdk.Providers.TgiProvider");
        await Assert.That(failover.Message).IsEqualTo(
            $"TGI provider 'logged': failing over from {fleet.A.BaseAddress} to {fleet.B.BaseAddress} (HTTP 429 overloaded).");
        await AssertNoSecretsAsync(logs);
    }

    [Test]
    public async Task Retry_AfterEveryReplicaFailed_IsLogged()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1");
        fleet.A.Faults.OverloadNextRequests = 1;
        fleet.B.Faults.OverloadNextRequests = 1;
        (ServiceProvider container, FakeLogCollector logs) = Build(fleet, ("Resilience:MaxRetries", "1"));
        await using ServiceProvider _ = container;
        TgiProvider provider = container.GetRequiredService<TgiProvider>();

        TgiProviderResponse response = await provider.CompleteAsync(new TgiRequest { Prompt = Prompt, Model = "m1" });

        FakeLogRecord retry = logs.GetSnapshot().Single(r => r.Id.Name == "Retry");
        await Assert.That(response.Text).IsEqualTo("Hello from the fleet.");
        await Assert.That(retry.Level).IsEqualTo(LogLevel.Warning);
        await Assert.That(retry.Message).StartsWith("TGI provider 'logged': every replica failed (last: HTTP 429 overloaded); retry 1 after");
        await AssertNoSecretsAsync(logs);
    }

    [Test]
    public async Task HealthChangesAndModelDiscovery_AreLogged()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m2");
        (ServiceProvider container, FakeLogCollector logs) = Build(fleet);
        await using ServiceProvider _ = container;
        TgiProvider provider = container.GetRequiredService<TgiProvider>();

        await provider.HealthCheckAsync();
        fleet.B.IsHealthy = false;
        await provider.HealthCheckAsync();
        fleet.B.IsHealthy = true;
        await provider.HealthCheckAsync();

        IReadOnlyList<FakeLogRecord> records = logs.GetSnapshot();
        string[] discovered = [.. records.Where(r => r.Id.Name == "ModelDiscovered").Select(r => r.Message).Order(StringComparer.Ordinal)];
        string[] forB = [.. records.Where(r => r.Id.Name is "EndpointHealthy" or "EndpointUnhealthy" && r.Message.Contains(fleet.B.BaseAddress.AbsoluteUri, StringComparison.Ordinal))
            .Select(r => $"{r.Level}: {r.Message}")];
        await Assert.That(discovered).IsEquivalentTo(new[]
        {
            $"TGI provider 'logged': endpoint {fleet.A.BaseAddress} serves model 'm1'.",
            $"TGI provider 'logged': endpoint {fleet.B.BaseAddress} serves model 'm2'.",
        });
        await Assert.That(forB).IsEquivalentTo(new[]
        {
            $"Information: TGI provider 'logged': endpoint {fleet.B.BaseAddress} is healthy.",
            $"Warning: TGI provider 'logged': endpoint {fleet.B.BaseAddress} is unhealthy (GET /health answered 503).",
            $"Information: TGI provider 'logged': endpoint {fleet.B.BaseAddress} is healthy.",
        });
        await AssertNoSecretsAsync(logs);
    }

    [Test]
    public async Task CircuitOpened_IsLogged()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1");
        (ServiceProvider container, FakeLogCollector logs) = Build(
            fleet,
            ("Resilience:CircuitBreakerMinimumThroughput", "2"),
            ("Resilience:CircuitBreakerFailureRatio", "0.5"));
        await using ServiceProvider _ = container;
        TgiProvider provider = container.GetRequiredService<TgiProvider>();
        await provider.HealthCheckAsync();
        fleet.A.Faults.OverloadNextRequests = 2;

        await provider.CompleteAsync(new TgiRequest { Prompt = Prompt, Model = "m1" });
        await provider.CompleteAsync(new TgiRequest { Prompt = Prompt, Model = "m1" });

        FakeLogRecord opened = logs.GetSnapshot().Single(r => r.Id.Name == "CircuitOpened");
        await Assert.That(opened.Level).IsEqualTo(LogLevel.Warning);
        await Assert.That(opened.Message).IsEqualTo($"TGI provider 'logged': circuit opened for {fleet.A.BaseAddress} for 30 s after repeated failures.");
        await AssertNoSecretsAsync(logs);
    }

    [Test]
    public async Task EndpointUrl_WithUserInfoAndQuery_IsLoggedWithoutThem()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1");
        UriBuilder withSecrets = new(fleet.A.BaseAddress) { UserName = "admin", Password = "hunter2", Query = "token=abc" };
        (ServiceProvider container, FakeLogCollector logs) = Build(fleet, ("Endpoints:0:Url", withSecrets.Uri.AbsoluteUri));
        await using ServiceProvider _ = container;

        await container.GetRequiredService<TgiProvider>().HealthCheckAsync();

        string[] lines = [.. logs.GetSnapshot().Select(r => r.Message)];
        await Assert.That(lines.Length).IsGreaterThan(0);
        await Assert.That(lines.Any(l => l.Contains("hunter2", StringComparison.Ordinal) || l.Contains("admin", StringComparison.Ordinal) || l.Contains("token=", StringComparison.Ordinal))).IsFalse();
        await Assert.That(lines.Any(l => l.Contains(fleet.A.BaseAddress.AbsoluteUri, StringComparison.Ordinal))).IsTrue();
    }

    [Test]
    public async Task NoLoggerFactoryInTheContainer_ProviderStillWorks()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1");
        fleet.A.Faults.OverloadNextRequests = 1;
        ServiceCollection services = new();
        services.AddTgiProvider("plain", o =>
        {
            o.Endpoints.Add(new TgiEndpointOptions { Url = fleet.A.BaseAddress.AbsoluteUri });
            o.Endpoints.Add(new TgiEndpointOptions { Url = fleet.B.BaseAddress.AbsoluteUri, Priority = 1 });
            o.HealthCheckInterval = TimeSpan.Zero;
        });
        await using ServiceProvider container = services.BuildServiceProvider();

        TgiProviderResponse response = await container.GetRequiredService<TgiProvider>().CompleteAsync(new TgiRequest { Prompt = "hi", Model = "m1" });

        await Assert.That(response.Endpoint).IsEqualTo(fleet.B.BaseAddress);
    }

    [Test]
    public async Task ReplicaClients_LogTheirRequestsAtDebug_ThroughTheContainersLogging()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1");
        (ServiceProvider container, FakeLogCollector logs) = Build(fleet, debug: true);
        await using ServiceProvider _ = container;

        await container.GetRequiredService<TgiProvider>().CompleteAsync(new TgiRequest { Prompt = Prompt, Model = "m1" });

        FakeLogRecord[] answered = [.. logs.GetSnapshot().Where(r => r.Id.Name == "ResponseReceived" && r.Message.Contains("/generate", StringComparison.Ordinal))];
        await Assert.That(answered.Length).IsEqualTo(1);
        await Assert.That(answered[0].Level).IsEqualTo(LogLevel.Debug);
        await AssertNoSecretsAsync(logs);
    }

    [Test]
    public async Task AddTgiClient_TheClientLogsItsRequestsAtDebug_ThroughTheContainersLogging()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1");
        ServiceCollection services = new();
        services.AddFakeLogging(o => o.CollectRecordsForDisabledLogLevels = false);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
        services.AddTgiClient(o =>
        {
            o.Endpoint = fleet.A.BaseAddress;
            o.ApiKey = ApiKey;
        });
        await using ServiceProvider container = services.BuildServiceProvider();

        await container.GetRequiredService<TgiClient>().GenerateAsync(Prompt);

        FakeLogCollector logs = container.GetFakeLogCollector();
        await Assert.That(logs.GetSnapshot().Count(r => r.Id.Name == "RequestSent" && r.Level == LogLevel.Debug)).IsEqualTo(1);
        await Assert.That(logs.GetSnapshot().Count(r => r.Id.Name == "ResponseReceived" && r.Level == LogLevel.Debug)).IsEqualTo(1);
        await AssertNoSecretsAsync(logs);
    }

    private static (ServiceProvider Container, FakeLogCollector Logs) Build(Fleet fleet, params (string Key, string Value)[] extra) =>
        Build(fleet, debug: false, extra);

    private static (ServiceProvider Container, FakeLogCollector Logs) Build(Fleet fleet, bool debug, params (string Key, string Value)[] extra)
    {
        Dictionary<string, string?> values = new()
        {
            ["Tgi:Name"] = "logged",
            ["Tgi:api_key"] = ApiKey,
            ["Tgi:Headers:X-Gateway-Key"] = "gw-secret-value",
            ["Tgi:HealthCheckInterval"] = "0",
            ["Tgi:Resilience:MaxRetries"] = "0",
            ["Tgi:Resilience:RetryDelay"] = "0",
        };
        for (int i = 0; i < fleet.Replicas.Length; i++)
        {
            values[$"Tgi:Endpoints:{i}:Url"] = fleet.Replicas[i].BaseAddress.AbsoluteUri;
            values[$"Tgi:Endpoints:{i}:Priority"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach ((string key, string value) in extra)
        {
            values["Tgi:" + key] = value;
        }

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        ServiceCollection services = new();
        services.AddFakeLogging(o => o.CollectRecordsForDisabledLogLevels = false);
        if (debug)
        {
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
        }

        services.AddTgiProvider(configuration.GetSection("Tgi"));
        ServiceProvider container = services.BuildServiceProvider();
        return (container, container.GetFakeLogCollector());
    }

    private static async Task AssertNoSecretsAsync(FakeLogCollector logs)
    {
        foreach (FakeLogRecord record in logs.GetSnapshot())
        {
            string all = record.Message + " " + string.Join(" ", record.StructuredState?.Select(p => p.Value) ?? []) + " " + record.Exception;
            await Assert.That(all).DoesNotContain(ApiKey);
            await Assert.That(all).DoesNotContain("gw-secret-value");
            await Assert.That(all).DoesNotContain(Prompt);
            await Assert.That(all).DoesNotContain("Hello from the fleet");
        }
    }
}
