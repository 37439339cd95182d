// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tgi.Sdk.Providers;

namespace Tgi.Sdk.Samples;

/// <summary>The README's provider: replicas from appsettings.json, failover and health checks, through DI.</summary>
public static class ProviderSample
{
    // snippet: provider
    public static async Task<string> RunAsync(IConfiguration configuration)   // in a host: builder.Configuration
    {
        ServiceCollection services = new();
        services.AddTgiProvider(configuration.GetSection("Tgi"));   // binds and validates the "Tgi" section below
        await using ServiceProvider serviceProvider = services.BuildServiceProvider();

        TgiProvider provider = serviceProvider.GetRequiredService<TgiProvider>();
        TgiProviderResponse response = await provider.CompleteAsync(new TgiRequest { Prompt = "Hello", MaxTokens = 32 });   // picks /generate
        Console.WriteLine($"{response.Endpoint} via {response.Route}: {response.Text}");
        return response.Text;
    }
    // end-snippet
}
