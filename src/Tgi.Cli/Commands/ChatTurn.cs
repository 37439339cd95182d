// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk;
using Tgi.Sdk.Chat;

namespace Tgi.Cli.Commands;

/// <summary>One streamed assistant answer: its text and the tool calls it made.</summary>
internal sealed class ChatTurn
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="content">The text.</param>
    /// <param name="toolCalls">The tool calls.</param>
    /// <param name="finishReason">The finish reason, when the server sent one.</param>
    public ChatTurn(string content, IReadOnlyList<ChatToolCall> toolCalls, FinishReason? finishReason)
    {
        Content = content;
        ToolCalls = toolCalls;
        FinishReason = finishReason;
    }

    /// <summary>Gets the text.</summary>
    public string Content { get; }

    /// <summary>Gets the tool calls.</summary>
    public IReadOnlyList<ChatToolCall> ToolCalls { get; }

    /// <summary>Gets the finish reason.</summary>
    public FinishReason? FinishReason { get; }

    /// <summary>Gets the assistant message to keep in the history.</summary>
    /// <returns>The message.</returns>
    public ChatMessage ToMessage() => ToolCalls.Count > 0 ? ChatMessage.CreateAssistant(ToolCalls) : ChatMessage.CreateAssistant(Content);
}
