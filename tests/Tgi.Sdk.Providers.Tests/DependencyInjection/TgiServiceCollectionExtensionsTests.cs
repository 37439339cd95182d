// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Providers;
using Tgi.Sdk.Providers.Tests.Support;

namespace Tgi.Sdk.Providers.Tests.DependencyInjection;

public class TgiServiceCollectionExtensionsTests
{
    [Test]
    public async Task AddTgiProvider_Section_RegistersSingletonOverHttpClientFactory()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1");
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tgi:Providers:0:Name"] = "main",
            ["Tgi:Providers:0:Endpoints:0:Url"] = fleet.A.BaseAddress.AbsoluteUri,
            ["Tgi:Providers:0:Endpoints:1:Url"] = fleet.B.BaseAddress.AbsoluteUri,
            ["Tgi:Providers:0:HealthCheckInterval"] = "00:00:00",
        }).Build();
        CountingHandler counter = new();
        ServiceCollection services = new();
        services.AddTgiProvider(configuration.GetSection("Tgi:Providers:0")).AddHttpMessageHandler(() => counter);
        await using ServiceProvider container = services.BuildServiceProvider();

        TgiProvider provider = container.GetRequiredService<TgiProvider>();
        TgiProviderResponse response = await provider.CompleteAsync(new TgiRequest { Prompt = "hi", Model = "m1" });

        await Assert.That(provider.Name).IsEqualTo("main");
        await Assert.That(container.GetRequiredKeyedService<TgiProvider>("main")).IsSameReferenceAs(provider);
        await Assert.That(response.Text).IsEqualTo("Hello from the fleet.");

        // Discovery (/health and /info on both replicas) plus the request went through the factory's handlers.
        await Assert.That(counter.Count).IsEqualTo(5);
    }

    [Test]
    public async Task AddTgiProviders_TwoProviders_AreKeyedSideBySide()
    {
        await using Fleet fleet = await Fleet.StartAsync("small", "large");
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tgi:Providers:0:Name"] = "fast",
            ["Tgi:Providers:0:BaseUrl"] = fleet.A.BaseAddress.AbsoluteUri,
            ["Tgi:Providers:0:Priority"] = "0",
            ["Tgi:Providers:1:Name"] = "smart",
            ["Tgi:Providers:1:BaseUrl"] = fleet.B.BaseAddress.AbsoluteUri,
            ["Tgi:Providers:1:Priority"] = "1",
            ["Tgi:Providers:1:SupportsFunctionCalling"] = "false",
        }).Build();
        ServiceCollection services = new();
        services.AddTgiProviders(configuration.GetSection("Tgi"));
        await using ServiceProvider container = services.BuildServiceProvider();

        TgiProvider fast = container.GetRequiredKeyedService<TgiProvider>("fast");
        TgiProvider smart = container.GetRequiredKeyedService<TgiProvider>("smart");
        Introspection.TgiInfo fastInfo = await fast.GetInfoAsync();
        Introspection.TgiInfo smartInfo = await smart.GetInfoAsync();

        await Assert.That(fastInfo.ModelId).IsEqualTo("small");
        await Assert.That(smartInfo.ModelId).IsEqualTo("large");
        await Assert.That(smart.Priority).IsEqualTo(1);
        await Assert.That(smart.SupportsFeature(TgiProviderFeature.FunctionCalling)).IsFalse();
        await Assert.That(fast.SupportsFeature(TgiProviderFeature.FunctionCalling)).IsTrue();
        await Assert.That(container.GetRequiredService<TgiProvider>()).IsSameReferenceAs(fast);
    }

    [Test]
    public async Task AddTgiProvider_InCode_RegistersUnderItsName()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1");
        ServiceCollection services = new();
        services.AddTgiProvider("coded", o =>
        {
            o.BaseUrl = fleet.A.BaseAddress.AbsoluteUri;
            o.HealthCheckInterval = TimeSpan.Zero;
        });
        await using ServiceProvider container = services.BuildServiceProvider();

        TgiProviderResponse response = await container.GetRequiredKeyedService<TgiProvider>("coded").CompleteAsync(new TgiRequest { Prompt = "hi" });

        await Assert.That(response.Endpoint).IsEqualTo(fleet.A.BaseAddress);
    }

    [Test]
    public async Task AddTgiClient_UriAndKeyed_ResolveWorkingClients()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m2");
        ServiceCollection services = new();
        services.AddTgiClient(fleet.A.BaseAddress);
        services.AddTgiClient("second", o => o.Endpoint = fleet.B.BaseAddress);
        await using ServiceProvider container = services.BuildServiceProvider();

        TgiClient first = container.GetRequiredService<TgiClient>();
        TgiClient second = container.GetRequiredKeyedService<TgiClient>("second");

        await Assert.That((await first.GetInfoAsync()).Value.ModelId).IsEqualTo("m1");
        await Assert.That((await second.GetInfoAsync()).Value.ModelId).IsEqualTo("m2");
    }

    [Test]
    public async Task AddTgiClient_Section_BindsClientOptions()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1");
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tgi:Client:Endpoint"] = fleet.A.BaseAddress.AbsoluteUri,
            ["Tgi:Client:Headers:X-Client"] = "bound",
        }).Build();
        ServiceCollection services = new();
        services.AddTgiClient(configuration.GetSection("Tgi:Client"));
        await using ServiceProvider container = services.BuildServiceProvider();

        await container.GetRequiredService<TgiClient>().GenerateAsync("hi");

        await Assert.That(fleet.A.ReceivedRequests.Last().Headers["X-Client"]).IsEqualTo("bound");
    }

    [Test]
    public async Task AddTgiClient_SnakeCaseSection_BindsClientOptions()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1");
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tgi:Client:base_url"] = fleet.A.BaseAddress.AbsoluteUri,
            ["Tgi:Client:api_key"] = "k-1",
            ["Tgi:Client:timeout"] = "30",
            ["Tgi:Client:stream_idle_timeout"] = "00:00:20",
            ["Tgi:Client:max_event_size"] = "4096",
        }).Build();
        ServiceCollection services = new();
        services.AddTgiClient(configuration.GetSection("Tgi:Client"));
        await using ServiceProvider container = services.BuildServiceProvider();
        container.GetRequiredService<IStartupValidator>().Validate();

        TgiClientOptions options = container.GetRequiredService<IOptionsMonitor<TgiClientOptions>>().Get(Options.DefaultName);
        await container.GetRequiredService<TgiClient>().GenerateAsync("hi");

        await Assert.That(options.Endpoint).IsEqualTo(fleet.A.BaseAddress);
        await Assert.That(options.ApiKey).IsEqualTo("k-1");
        await Assert.That(options.RequestTimeout).IsEqualTo(TimeSpan.FromSeconds(30));
        await Assert.That(options.StreamIdleTimeout).IsEqualTo(TimeSpan.FromSeconds(20));
        await Assert.That(options.MaxEventSize).IsEqualTo(4096);
        await Assert.That(Fleet.GenerationRequests(fleet.A)).IsEqualTo(1);
    }

    [Test]
    public async Task AddTgiClient_SizeCapAndEventTimeout_BindInBothSpellings()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Snake:base_url"] = "http://127.0.0.1:1/",
            ["Snake:max_response_size"] = "5000000000",
            ["Snake:stream_event_timeout"] = "90",
            ["Pascal:Endpoint"] = "http://127.0.0.1:1/",
            ["Pascal:MaxResponseSize"] = "1048576",
            ["Pascal:StreamEventTimeout"] = "00:10:00",
        }).Build();
        ServiceCollection services = new();
        services.AddTgiClient(configuration.GetSection("Snake"));
        await using ServiceProvider snake = services.BuildServiceProvider();
        ServiceCollection pascalServices = new();
        pascalServices.AddTgiClient(configuration.GetSection("Pascal"));
        await using ServiceProvider pascal = pascalServices.BuildServiceProvider();

        TgiClientOptions fromSnake = snake.GetRequiredService<IOptionsMonitor<TgiClientOptions>>().Get(Options.DefaultName);
        TgiClientOptions fromPascal = pascal.GetRequiredService<IOptionsMonitor<TgiClientOptions>>().Get(Options.DefaultName);

        await Assert.That(fromSnake.MaxResponseSize).IsEqualTo(5_000_000_000L);
        await Assert.That(fromSnake.StreamEventTimeout).IsEqualTo(TimeSpan.FromSeconds(90));
        await Assert.That(fromPascal.MaxResponseSize).IsEqualTo(1_048_576L);
        await Assert.That(fromPascal.StreamEventTimeout).IsEqualTo(TimeSpan.FromMinutes(10));
    }

    [Test]
    public async Task AddTgiClient_UnknownKey_FailsStartupNamingTheClosestKey()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tgi:Client:Endpoint"] = "http://127.0.0.1:8080",
            ["Tgi:Client:RequestTimout"] = "00:00:30",
        }).Build();
        ServiceCollection services = new();
        services.AddTgiClient(configuration.GetSection("Tgi:Client"));
        await using ServiceProvider container = services.BuildServiceProvider();

        OptionsValidationException? error = await Assert.That(() => container.GetRequiredService<IStartupValidator>().Validate())
            .Throws<OptionsValidationException>();

        await Assert.That(error!.Failures.Single()).IsEqualTo("Tgi:Client:RequestTimout is not a known setting. Did you mean 'RequestTimeout'?");
    }

    [Test]
    public async Task AddTgiResilienceHandler_Overloaded_RetriesUntilServed()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1");
        ServiceCollection services = new();
        services.AddTgiClient(fleet.A.BaseAddress).AddTgiResilienceHandler(r => r.Delay = TimeSpan.FromMilliseconds(1));
        await using ServiceProvider container = services.BuildServiceProvider();
        fleet.A.Faults.OverloadNextRequests = 2;

        TgiResult<GenerateResponse> result = await container.GetRequiredService<TgiClient>().GenerateAsync("hi");

        await Assert.That(result.Value.GeneratedText).IsEqualTo("Hello from the fleet.");
        await Assert.That(Fleet.GenerationRequests(fleet.A)).IsEqualTo(3);
    }

    [Test]
    public async Task AddTgiResilienceHandler_ValidationError_IsNotRetried()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1");
        ServiceCollection services = new();
        services.AddTgiClient(fleet.A.BaseAddress).AddTgiResilienceHandler(r => r.Delay = TimeSpan.FromMilliseconds(1));
        await using ServiceProvider container = services.BuildServiceProvider();

        TgiException? error = await Assert.That(async () => await container.GetRequiredService<TgiClient>().GenerateAsync("hi", new GenerateOptions { TopP = 0 }))
            .Throws<TgiException>();

        await Assert.That(error!.Status).IsEqualTo(422);
        await Assert.That(Fleet.GenerationRequests(fleet.A)).IsEqualTo(1);
    }
}
