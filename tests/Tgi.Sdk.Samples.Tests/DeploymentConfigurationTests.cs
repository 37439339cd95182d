// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tgi.Sdk.Providers;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Samples.Tests;

/// <summary>
/// The provider configurations docs/deploying.md quotes (docker compose replicas, a Kubernetes Service) bind, validate
/// and serve, with their host names pointed at emulators on loopback.
/// </summary>
[NotInParallel("samples-console")]
public sealed class DeploymentConfigurationTests
{
    [Test]
    public async Task Compose_BothReplicas_AndFailsOverWhenOneIsDown()
    {
        await using TgiEmulator first = await TgiEmulator.StartAsync();
        await using TgiEmulator second = await TgiEmulator.StartAsync();
        IConfiguration configuration = Load("appsettings.Compose.json", first.BaseAddress, second.BaseAddress);
        ServiceCollection services = new();
        services.AddTgiProvider(configuration.GetSection("Tgi"));
        await using ServiceProvider serviceProvider = services.BuildServiceProvider();
        TgiProvider provider = serviceProvider.GetRequiredService<TgiProvider>();

        first.Faults.Unavailable = true;   // tgi-0 is down: its requests fail, the second replica answers
        TgiProviderResponse response = await provider.CompleteAsync(new TgiRequest { Prompt = "Hello", MaxTokens = 8 });

        await Assert.That(provider.Name).IsEqualTo("compose");
        await Assert.That(provider.GetEndpoints().Count).IsEqualTo(2);
        await Assert.That(response.Endpoint).IsEqualTo(second.BaseAddress);
        await Assert.That(response.Text).IsNotEmpty();
    }

    [Test]
    public async Task Kubernetes_OneServiceEndpoint_WithRetries_AndNoPeriodicHealthCheck()
    {
        await using TgiEmulator service = await TgiEmulator.StartAsync();
        IConfiguration configuration = Load("appsettings.Kubernetes.json", service.BaseAddress);
        ServiceCollection services = new();
        services.AddTgiProvider(configuration.GetSection("Tgi"));
        await using ServiceProvider serviceProvider = services.BuildServiceProvider();
        TgiProvider provider = serviceProvider.GetRequiredService<TgiProvider>();

        service.Faults.OverloadNextRequests = 1;   // one pod refuses; the retry goes through the Service again
        TgiProviderResponse response = await provider.CompleteAsync(new TgiRequest { Prompt = "Hello", MaxTokens = 8 });

        await Assert.That(provider.Name).IsEqualTo("kubernetes");
        await Assert.That(response.Text).IsNotEmpty();
        await Assert.That(service.ReceivedRequests.Count(r => r.Path == "/generate")).IsEqualTo(2);
        // HealthCheckInterval 00:00:00: no periodic checks, only the one at start-up; readiness probes do the rest.
        await Assert.That(service.ReceivedRequests.Count(r => r.Path == "/health")).IsLessThanOrEqualTo(1);
    }

    private static IConfiguration Load(string file, params Uri[] endpoints)
    {
        Dictionary<string, string?> urls = [];
        for (int i = 0; i < endpoints.Length; i++)
        {
            urls[$"Tgi:Endpoints:{i}:Url"] = endpoints[i].ToString();
        }

        return new ConfigurationBuilder()
            .AddJsonFile(UsageSampleTests.DeploymentFile(file))
            .AddInMemoryCollection(urls)
            .Build();
    }
}
