// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.AI;
using Tgi.Sdk;
using MeaiChatMessage = Microsoft.Extensions.AI.ChatMessage;   // Tgi.Sdk.Chat has a ChatMessage too

namespace Tgi.Sdk.Samples;

/// <summary>The README's Microsoft.Extensions.AI adapter.</summary>
public static class ChatClientSample
{
    // snippet: chat-client
    public static async Task<string> RunAsync(TgiClient client)
    {
        IChatClient chatClient = client.AsIChatClient();   // Tgi.Sdk.Extensions.AI

        ChatResponse response = await chatClient.GetResponseAsync([new MeaiChatMessage(ChatRole.User, "Hello!")]);
        Console.WriteLine(response.Text);

        await foreach (ChatResponseUpdate update in chatClient.GetStreamingResponseAsync("Tell me a story."))
        {
            Console.Write(update.Text);
        }

        return response.Text;
    }
    // end-snippet
}
