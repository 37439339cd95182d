// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Introspection;

namespace Tgi.Sdk.Samples;

/// <summary>docs/usage/tokenize-and-limits.md: counting tokens against the launcher's limits.</summary>
public static class TokenizeSample
{
    // snippet: tokenize-limits
    public static async Task<int> RunAsync(TgiClient client, string prompt)
    {
        TgiInfo info = await client.GetInfoAsync();   // read once at start-up: the limits only change with a restart
        IReadOnlyList<TokenizedToken> tokens = (await client.TokenizeAsync(prompt)).Value;

        // TGI rejects input + max_new_tokens > max_total_tokens, and input > max_input_tokens (422 validation).
        int budget = Math.Min(info.MaxTotalTokens - tokens.Count, 256);
        if (tokens.Count > info.MaxInputTokens || budget <= 0)
        {
            throw new ArgumentException($"The prompt has {tokens.Count} tokens; this server takes at most {info.MaxInputTokens}.", nameof(prompt));
        }

        GenerateResponse response = await client.GenerateAsync(prompt, new GenerateOptions { MaxNewTokens = budget });
        Console.WriteLine($"{tokens.Count} prompt tokens, up to {budget} new: {response.GeneratedText}");
        return budget;
    }
    // end-snippet

    // snippet: chat-tokenize
    public static async Task<int> CountChatAsync(TgiClient client)
    {
        // The templated prompt exactly as the model sees it (chat template, tools and tool prompt applied).
        ChatTokenizeResult templated = await client.ChatTokenizeAsync([ChatMessage.CreateSystem("Be brief."), ChatMessage.CreateUser("Hi!")]);
        Console.WriteLine($"{templated.Tokens.Count} tokens: {templated.TemplatedText}");
        return templated.Tokens.Count;
    }
    // end-snippet
}
