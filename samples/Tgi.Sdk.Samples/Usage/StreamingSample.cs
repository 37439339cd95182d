// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using Tgi.Sdk;
using Tgi.Sdk.Generate;

namespace Tgi.Sdk.Samples;

/// <summary>docs/usage/streaming.md: <c>/generate_stream</c> with details, raw mode, and stopping early.</summary>
public static class StreamingSample
{
    // snippet: generate-stream
    public static async Task<string> RunAsync(TgiClient client, CancellationToken cancellationToken)
    {
        StringBuilder text = new();
        GenerateOptions options = new() { MaxNewTokens = 64, Details = true };
        await foreach (GenerateStreamUpdate update in client.GenerateStreamingAsync("Explain SSE in one paragraph.", options, cancellationToken))
        {
            if (!update.Token.IsSpecial)
            {
                text.Append(update.Token.Text);
            }

            if (update.IsFinal)   // the last event carries the whole text and, with Details, the finish reason
            {
                Console.WriteLine($"{update.Details?.FinishReason} after {update.Details?.GeneratedTokens} tokens");
            }
        }

        return text.ToString();
    }
    // end-snippet

    // snippet: generate-stream-raw
    public static async Task<int> RunRawAsync(TgiClient client, Stream output)
    {
        // Raw mode hands out each token's UTF-8 bytes as TGI sent them: no string per token.
        int tokens = 0;
        await foreach (GenerateStreamRawUpdate update in client.GenerateStreamingRawAsync("Count to ten.", new GenerateOptions { MaxNewTokens = 32 }))
        {
            if (!update.IsSpecial)
            {
                await output.WriteAsync(update.TextUtf8);
                tokens++;
            }
        }

        return tokens;
    }
    // end-snippet

    // snippet: generate-stream-stop
    public static async Task<int> StopEarlyAsync(TgiClient client)
    {
        // Leaving the loop closes the connection, and TGI stops generating for this request.
        int received = 0;
        await foreach (GenerateStreamUpdate update in client.GenerateStreamingAsync("Tell me a long story.", new GenerateOptions { MaxNewTokens = 500 }))
        {
            if (++received == 5)
            {
                break;
            }
        }

        return received;
    }
    // end-snippet
}
