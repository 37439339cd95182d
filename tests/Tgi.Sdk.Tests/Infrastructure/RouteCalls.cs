// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;

namespace Tgi.Sdk.Tests.Infrastructure;

/// <summary>One call per route of <see cref="TgiClient"/>, each read to its end, for tests that run on every route.</summary>
internal static class RouteCalls
{
    private static readonly ChatMessage[] s_hi = [ChatMessage.CreateUser("Hi")];

    /// <summary>Gets the route names <see cref="Call"/> knows.</summary>
    public static string[] Names { get; } =
    [
        "generate", "generate_stream", "generate_stream_raw", "compat", "compat_stream", "chat", "chat_stream", "completions",
        "completions_stream", "info", "models", "tokenize", "chat_tokenize", "metrics", "health",
    ];

    /// <summary>Calls a route and reads its whole answer.</summary>
    public static async Task Call(TgiClient client, string route)
    {
        switch (route)
        {
            case "generate":
                await client.GenerateAsync("Hi");
                break;
            case "generate_stream":
                await Expect.ToListAsync(client.GenerateStreamingAsync("Hi"));
                break;
            case "generate_stream_raw":
                await foreach (GenerateStreamRawUpdate update in client.GenerateStreamingRawAsync("Hi"))
                {
                    _ = update.TextUtf8.Length;
                }

                break;
            case "compat":
                await client.GenerateCompatAsync("Hi");
                break;
            case "compat_stream":
                await Expect.ToListAsync(client.GenerateCompatStreamingAsync("Hi"));
                break;
            case "chat":
                await client.ChatAsync(s_hi);
                break;
            case "chat_stream":
                ChatCompletionAccumulator accumulator = new();
                await foreach (ChatCompletionUpdate update in client.ChatStreamingAsync(s_hi))
                {
                    accumulator.Append(update);
                }

                _ = accumulator.ToCompletion();
                break;
            case "completions":
                await client.CompletionsAsync("Hi");
                break;
            case "completions_stream":
                await Expect.ToListAsync(client.CompletionsStreamingAsync("Hi"));
                break;
            case "info":
                await client.GetInfoAsync();
                break;
            case "models":
                await client.ListModelsAsync();
                break;
            case "tokenize":
                await client.TokenizeAsync("Hi");
                break;
            case "chat_tokenize":
                await client.ChatTokenizeAsync(s_hi);
                break;
            case "metrics":
                await client.GetMetricsAsync();
                break;
            case "health":
                await client.GetHealthAsync();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(route), route, "Unknown route.");
        }
    }
}
