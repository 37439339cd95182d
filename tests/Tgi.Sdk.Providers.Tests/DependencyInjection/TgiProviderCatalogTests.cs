// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tgi.Sdk.Providers;
using Tgi.Sdk.Providers.Tests.Support;

namespace Tgi.Sdk.Providers.Tests.DependencyInjection;

/// <summary>The provider-level priority orders providers: the catalog, the default provider and the model lookup.</summary>
public class TgiProviderCatalogTests
{
    [Test]
    public async Task AddTgiProviders_Priority_OrdersTheCatalogAndPicksTheDefaultProvider()
    {
        await using Fleet fleet = await Fleet.StartAsync("small", "large", "large");
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Listed first, but priority 5: it comes last.
            ["Tgi:Providers:0:name"] = "backup",
            ["Tgi:Providers:0:base_url"] = fleet.C.BaseAddress.AbsoluteUri,
            ["Tgi:Providers:0:models:0"] = "large",
            ["Tgi:Providers:0:priority"] = "5",
            ["Tgi:Providers:1:Name"] = "big",
            ["Tgi:Providers:1:BaseUrl"] = fleet.B.BaseAddress.AbsoluteUri,
            ["Tgi:Providers:1:Models:0"] = "large",
            ["Tgi:Providers:1:Priority"] = "1",
            ["Tgi:Providers:2:Name"] = "fast",
            ["Tgi:Providers:2:BaseUrl"] = fleet.A.BaseAddress.AbsoluteUri,
            ["Tgi:Providers:2:Models:0"] = "small",
            ["Tgi:Providers:2:Priority"] = "1",
        }).Build();
        ServiceCollection services = new();
        services.AddTgiProviders(configuration.GetSection("Tgi"));
        await using ServiceProvider container = services.BuildServiceProvider();

        TgiProviderCatalog catalog = container.GetRequiredService<TgiProviderCatalog>();

        // Priority first; equal priorities keep registration order.
        await Assert.That(catalog.Select(p => p.Name)).IsEquivalentTo(new[] { "big", "fast", "backup" }, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(container.GetRequiredService<TgiProvider>()).IsSameReferenceAs(catalog[0]);
        await Assert.That(catalog.ForModel("LARGE")?.Name).IsEqualTo("big");
        await Assert.That(catalog.ForModel("small")?.Name).IsEqualTo("fast");
        await Assert.That(catalog.ForModel("none")).IsNull();

        TgiProviderResponse response = await catalog.ForModel("large")!.CompleteAsync(new TgiRequest { Prompt = "hi", Model = "large" });
        await Assert.That(response.Endpoint).IsEqualTo(fleet.B.BaseAddress);
    }

    [Test]
    public async Task AddTgiProvider_SingleProvider_IsTheCatalogAndTheDefault()
    {
        ServiceCollection services = new();
        services.AddTgiProvider("only", o => o.BaseUrl = "http://127.0.0.1:8080");
        await using ServiceProvider container = services.BuildServiceProvider();

        TgiProviderCatalog catalog = container.GetRequiredService<TgiProviderCatalog>();

        await Assert.That(catalog.Count).IsEqualTo(1);
        await Assert.That(container.GetRequiredService<TgiProvider>()).IsSameReferenceAs(catalog[0]);
        await Assert.That(catalog[0].Name).IsEqualTo("only");
    }
}
