// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tgi.Sdk;
using Tgi.Sdk.Generate;

namespace Tgi.Sdk.Samples;

/// <summary>docs/configuration.md and docs/performance.md: building one client, in code or from configuration.</summary>
public static class ClientOptionsSample
{
    // snippet: client-options
    public static TgiClient Create(Uri endpoint, string? apiKey)
    {
        TgiClientOptions options = new()
        {
            ApiKey = apiKey,                                  // Authorization: Bearer, for a server run with --api-key
            RequestTimeout = TimeSpan.FromSeconds(60),        // a whole call, or a stream until its headers arrive
            StreamIdleTimeout = TimeSpan.FromSeconds(30),     // longest silence inside a stream (TGI pings every 15 s)
            MaxEventSize = 1024 * 1024,                       // a bigger SSE event is a TgiException, not memory
        };
        options.Headers["X-Tenant"] = "checkout";             // sent on every request, for a gateway in front of TGI

        return new TgiClient(endpoint, options);             // thread-safe: create once, share everywhere
    }
    // end-snippet

    // snippet: client-di
    public static async Task<string> FromConfigurationAsync(IConfiguration configuration)   // in a host: builder.Configuration
    {
        ServiceCollection services = new();
        services.AddTgiClient(configuration.GetSection("TgiClient"));   // IHttpClientFactory owns the connections
        await using ServiceProvider provider = services.BuildServiceProvider();

        TgiClient client = provider.GetRequiredService<TgiClient>();
        GenerateResponse response = await client.GenerateAsync("Hello", new GenerateOptions { MaxNewTokens = 16 });
        return response.GeneratedText;
    }
    // end-snippet
}
