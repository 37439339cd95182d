// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk;
using Tgi.Sdk.Chat;

namespace Tgi.Sdk.Samples;

/// <summary>docs/usage/chat.md: <c>/v1/chat/completions</c>, whole and streamed.</summary>
public static class ChatSample
{
    // snippet: chat
    public static async Task<ChatCompletion> RunAsync(TgiClient client)
    {
        ChatMessage[] messages =
        [
            ChatMessage.CreateSystem("You are a terse assistant."),
            ChatMessage.CreateUser("What is TGI?"),
        ];
        ChatCompletionOptions options = new() { MaxTokens = 64, Temperature = 0 };   // 0 is greedy on TGI >= 2.0.2

        ChatCompletion completion = await client.ChatAsync(messages, options);
        Console.WriteLine(completion.Content);
        Console.WriteLine($"{completion.FinishReason}; {completion.Usage?.PromptTokens} prompt + {completion.Usage?.CompletionTokens} completion tokens");
        return completion;
    }
    // end-snippet

    // snippet: chat-stream
    public static async Task<ChatCompletion> StreamAsync(TgiClient client)
    {
        ChatCompletionOptions options = new() { MaxTokens = 64, IncludeUsage = true };
        ChatCompletionAccumulator accumulator = new();   // rebuilds the whole answer from the deltas
        await foreach (ChatCompletionUpdate update in client.ChatStreamingAsync([ChatMessage.CreateUser("Hello!")], options))
        {
            Console.Write(update.ContentDelta);
            accumulator.Append(update);
        }

        ChatCompletion whole = accumulator.ToCompletion();   // usage, wherever this TGI version put it
        Console.WriteLine($"\n{whole.FinishReason}, {whole.Usage?.TotalTokens} tokens");
        return whole;
    }
    // end-snippet
}
