// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk;
using Tgi.Sdk.Completions;

namespace Tgi.Sdk.Samples;

/// <summary>docs/usage/completions.md: <c>/v1/completions</c> with several prompts, whole and streamed.</summary>
public static class CompletionsSample
{
    // snippet: completions
    public static async Task<Completion> RunAsync(TgiClient client)
    {
        // Up to max_client_batch_size prompts (4 by default) in one request; one choice per prompt.
        Completion completion = await client.CompletionsAsync(["The capital of France is", "The capital of Japan is"], new CompletionOptions { MaxTokens = 8, Temperature = 0 });
        foreach (CompletionChoice choice in completion.Choices.OrderBy(c => c.Index))   // TGI may answer out of order
        {
            Console.WriteLine($"{choice.Index}: {choice.Text} ({choice.FinishReason})");
        }

        return completion;
    }
    // end-snippet

    // snippet: completions-stream
    public static async Task<string[]> StreamAsync(TgiClient client)
    {
        string[] texts = ["", ""];
        await foreach (CompletionUpdate update in client.CompletionsStreamingAsync(["Once upon a time", "In a galaxy far away"], new CompletionOptions { MaxTokens = 8 }))
        {
            texts[update.PromptIndex] += update.TextDelta;   // the prompts' chunks interleave
        }

        return texts;
    }
    // end-snippet
}
