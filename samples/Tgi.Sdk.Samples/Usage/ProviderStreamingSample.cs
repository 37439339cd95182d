// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Providers;

namespace Tgi.Sdk.Samples;

/// <summary>docs/usage/provider.md: a chat stream through the provider, and the replicas' state.</summary>
public static class ProviderStreamingSample
{
    // snippet: provider-stream
    public static async Task<string> RunAsync(TgiProvider provider)
    {
        TgiRequest request = new() { MaxTokens = 64 };
        request.Messages.Add(ChatMessage.CreateUser("Hello!"));   // messages pick /v1/chat/completions

        // Failover happens before the first token: once text has arrived, a broken stream is the caller's TgiException.
        string text = "";
        await foreach (TgiProviderUpdate update in provider.StreamAsync(request))
        {
            text += update.TextDelta;
        }

        foreach (TgiEndpointStatus endpoint in provider.GetEndpoints())
        {
            Console.WriteLine($"{endpoint.Url}: healthy {endpoint.IsHealthy}, circuit {endpoint.Circuit}");
        }

        return text;
    }
    // end-snippet
}
