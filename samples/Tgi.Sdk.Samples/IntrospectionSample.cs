// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk;
using Tgi.Sdk.Introspection;

namespace Tgi.Sdk.Samples;

/// <summary>The README's health, limits and token counting.</summary>
public static class IntrospectionSample
{
    // snippet: introspection
    public static async Task<int> RunAsync(TgiClient client)
    {
        TgiResult<TgiHealthStatus> health = await client.GetHealthAsync();   // 200 healthy, 503 unhealthy: no exception
        TgiResult<TgiInfo> info = await client.GetInfoAsync();                // the model and the launcher's limits
        Console.WriteLine($"{health.Value}: {info.Value.ModelId}, at most {info.Value.MaxInputTokens} input tokens");
        return info.Value.MaxInputTokens;
    }
    // end-snippet
}
