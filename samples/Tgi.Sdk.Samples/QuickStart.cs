// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;

namespace Tgi.Sdk.Samples;

/// <summary>The README's first steps: both APIs, streamed, and the one exception type.</summary>
public static class QuickStart
{
    // snippet: quick-start
    public static async Task RunAsync(Uri endpoint)   // for example new Uri("http://localhost:8080")
    {
        TgiClient client = new(endpoint);   // immutable and thread-safe: share one

        // Native API: one event per token; the request is sent on the first MoveNextAsync, and `break` closes it.
        GenerateOptions generateOptions = new() { MaxNewTokens = 64 };
        await foreach (GenerateStreamUpdate update in client.GenerateStreamingAsync("Why is the sky blue?", generateOptions))
        {
            if (!update.Token.IsSpecial)   // TGI streams the EOS token (</s>) too
            {
                Console.Write(update.Token.Text);
            }
        }

        // OpenAI-compatible chat.
        await foreach (ChatCompletionUpdate update in client.ChatStreamingAsync([ChatMessage.CreateUser("Hello!")]))
        {
            Console.Write(update.ContentDelta);
        }

        // Every failure is a TgiException: HTTP errors, in-stream error events, dropped connections, idle streams.
        try
        {
            await client.GenerateAsync("Hi", new GenerateOptions { Temperature = 0 });
        }
        catch (TgiException e) when (e.ErrorType == TgiErrorType.Validation)
        {
            // 422: Input validation error: `temperature` must be strictly positive
            Console.WriteLine($"{e.Status}: {e.ErrorMessage}");
        }
    }
    // end-snippet
}
