// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;

namespace Tgi.Sdk.Benchmarks.Peers.OpenAi;

/// <summary>The OpenAI .NET SDK pointed at a TGI chat route through any HttpClient (replayed bytes or the loopback emulator).</summary>
internal static class OpenAiPeer
{
    public static readonly ChatMessage[] Messages = [new UserChatMessage("Hi")];

    public static ChatClient CreateChatClient(HttpClient http, Uri endpoint)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            Transport = new HttpClientPipelineTransport(http),
            // Benchmarks measure one attempt; a retry would hide a failure as extra time.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        return new ChatClient("tgi", new ApiKeyCredential("-"), options);
    }

    /// <summary>Streams one chat completion and returns the characters of content seen, reading every update's text.</summary>
    public static async Task<int> StreamChatAsync(ChatClient client, ChatCompletionOptions? options = null)
    {
        int chars = 0;
        await foreach (StreamingChatCompletionUpdate update in client.CompleteChatStreamingAsync(Messages, options))
        {
            foreach (ChatMessageContentPart part in update.ContentUpdate)
            {
                chars += part.Text.Length;
            }
        }

        return chars;
    }
}
