// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Chat;

/// <summary>One event of a streaming tool loop (<see cref="TgiClient.RunToolsStreamingAsync(IEnumerable{ChatMessage}, ChatCompletionOptions, int, CancellationToken)"/>).</summary>
public sealed class ChatToolLoopUpdate
{
    /// <summary>Initializes a new instance (for tests and mocks).</summary>
    /// <param name="kind">What the update reports.</param>
    /// <param name="round">The round (chat request) it belongs to, from 1.</param>
    /// <param name="contentDelta">The text piece, for <see cref="ChatToolLoopUpdateKind.ContentDelta"/>.</param>
    /// <param name="toolCall">The call, for <see cref="ChatToolLoopUpdateKind.ToolCall"/> and <see cref="ChatToolLoopUpdateKind.ToolResult"/>.</param>
    /// <param name="toolResult">The handler's result, for <see cref="ChatToolLoopUpdateKind.ToolResult"/>.</param>
    /// <param name="result">The outcome, for <see cref="ChatToolLoopUpdateKind.Completed"/>.</param>
    public ChatToolLoopUpdate(ChatToolLoopUpdateKind kind, int round, string? contentDelta, ChatToolCall? toolCall, string? toolResult, ChatToolLoopResult? result)
    {
        Kind = kind;
        Round = round;
        ContentDelta = contentDelta;
        ToolCall = toolCall;
        ToolResult = toolResult;
        Result = result;
    }

    /// <summary>Gets what the update reports.</summary>
    public ChatToolLoopUpdateKind Kind { get; }

    /// <summary>Gets the round (chat request) the update belongs to, from 1.</summary>
    public int Round { get; }

    /// <summary>Gets the text piece (<see cref="ChatToolLoopUpdateKind.ContentDelta"/> only).</summary>
    public string? ContentDelta { get; }

    /// <summary>Gets the tool call (<see cref="ChatToolLoopUpdateKind.ToolCall"/> and <see cref="ChatToolLoopUpdateKind.ToolResult"/>).</summary>
    public ChatToolCall? ToolCall { get; }

    /// <summary>Gets the handler's result text (<see cref="ChatToolLoopUpdateKind.ToolResult"/> only).</summary>
    public string? ToolResult { get; }

    /// <summary>Gets the loop's outcome (<see cref="ChatToolLoopUpdateKind.Completed"/> only).</summary>
    public ChatToolLoopResult? Result { get; }
}
