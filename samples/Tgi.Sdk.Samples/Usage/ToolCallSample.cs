// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk;
using Tgi.Sdk.Chat;

namespace Tgi.Sdk.Samples;

/// <summary>docs/usage/tools.md: one tool call by hand, and the streamed tool loop.</summary>
public static class ToolCallSample
{
    // snippet: tool-call
    public static async Task<string?> RunAsync(TgiClient client)
    {
        ChatCompletionOptions options = new() { ToolChoice = ChatToolChoice.Auto };
        options.Tools.Add(ChatTool.CreateFunction("get_current_weather", "Current weather for a location",
            """{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}"""));

        List<ChatMessage> messages = [ChatMessage.CreateUser("What is the weather in Paris?")];
        ChatCompletion first = await client.ChatAsync(messages, options);
        if (first.ToolCalls.Count == 0)
        {
            return first.Content;   // the model chose to answer (TGI's no_tool)
        }

        // Arguments arrive as a JSON object on TGI 2.x and as a string on 3.2+: the SDK gives you JSON text either way.
        ChatToolCall call = first.ToolCalls[0];
        string location = call.ParseArguments().GetProperty("location").GetString() ?? "";
        messages.Add(ChatMessage.CreateAssistant(first.ToolCalls));
        messages.Add(ChatMessage.CreateTool(call.Id, $$"""{"location":"{{location}}","temperature_f":64}"""));

        ChatCompletion answer = await client.ChatAsync(messages, new ChatCompletionOptions { MaxTokens = 64 });   // no tools: a plain answer
        return answer.Content;
    }
    // end-snippet

    // snippet: tool-loop-stream
    public static async Task<string?> StreamLoopAsync(TgiClient client, ChatCompletionOptions optionsWithHandlers)
    {
        string? content = null;
        await foreach (ChatToolLoopUpdate update in client.RunToolsStreamingAsync([ChatMessage.CreateUser("Weather in Paris?")], optionsWithHandlers))
        {
            switch (update.Kind)
            {
                case ChatToolLoopUpdateKind.ToolCall:
                    Console.WriteLine($"calling {update.ToolCall?.FunctionName}({update.ToolCall?.ArgumentsJson})");
                    break;
                case ChatToolLoopUpdateKind.ContentDelta:
                    Console.Write(update.ContentDelta);
                    break;
                case ChatToolLoopUpdateKind.Completed:
                    content = update.Result?.Content;
                    break;
            }
        }

        return content;
    }
    // end-snippet
}
