// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Chat;

/// <summary>
/// A chat message: text, multi-part content (text and image URLs), an assistant's tool calls, or a tool result.
/// Build it with <see cref="CreateSystem"/>, <see cref="CreateUser(string)"/>, <see cref="CreateAssistant(string)"/>,
/// <see cref="CreateAssistant(IEnumerable{ChatToolCall})"/> or <see cref="CreateTool"/>.
/// </summary>
public sealed class ChatMessage
{
    /// <summary>Initializes a new instance with any role and text.</summary>
    /// <param name="role">The role.</param>
    /// <param name="content">The text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    public ChatMessage(ChatRole role, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Role = role;
        Content = content;
        ContentParts = [];
        ToolCalls = [];
    }

    private ChatMessage(ChatRole role, string? content, IReadOnlyList<ChatContentPart> parts, IReadOnlyList<ChatToolCall> toolCalls, string? toolCallId)
    {
        Role = role;
        Content = content;
        ContentParts = parts;
        ToolCalls = toolCalls;
        ToolCallId = toolCallId;
    }

    /// <summary>Gets the role.</summary>
    public ChatRole Role { get; }

    /// <summary>Gets the text content (null for multi-part content and for tool calls).</summary>
    public string? Content { get; }

    /// <summary>Gets the content parts of a multi-part message (empty otherwise).</summary>
    public IReadOnlyList<ChatContentPart> ContentParts { get; }

    /// <summary>Gets the tool calls of an assistant message (empty otherwise).</summary>
    public IReadOnlyList<ChatToolCall> ToolCalls { get; }

    /// <summary>Gets the id of the call a tool message answers. TGI accepts it but does not pass it to the template.</summary>
    public string? ToolCallId { get; }

    /// <summary>Gets or sets an optional participant name (<c>name</c>).</summary>
    public string? Name { get; init; }

    /// <summary>Creates a system message.</summary>
    /// <param name="content">The text.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    public static ChatMessage CreateSystem(string content) => new(ChatRole.System, content);

    /// <summary>Creates a user message.</summary>
    /// <param name="content">The text.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    public static ChatMessage CreateUser(string content) => new(ChatRole.User, content);

    /// <summary>Creates a user message with content parts (text and image URLs).</summary>
    /// <param name="parts">The parts.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> is null.</exception>
    public static ChatMessage CreateUser(params IEnumerable<ChatContentPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return new ChatMessage(ChatRole.User, null, [.. parts], [], null);
    }

    /// <summary>
    /// Creates an assistant message. TGI ≥3.0 continues a final assistant message instead of starting a new one.
    /// </summary>
    /// <param name="content">The text.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    public static ChatMessage CreateAssistant(string content) => new(ChatRole.Assistant, content);

    /// <summary>Creates an assistant message that made tool calls (replayed to the model; TGI ≥3.1.1 accepts it without content).</summary>
    /// <param name="toolCalls">The calls.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="toolCalls"/> is null.</exception>
    public static ChatMessage CreateAssistant(IEnumerable<ChatToolCall> toolCalls)
    {
        ArgumentNullException.ThrowIfNull(toolCalls);
        return new ChatMessage(ChatRole.Assistant, null, [], [.. toolCalls], null);
    }

    /// <summary>Creates a tool-result message.</summary>
    /// <param name="toolCallId">The id of the call it answers.</param>
    /// <param name="content">The result text.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="toolCallId"/> or <paramref name="content"/> is null.</exception>
    public static ChatMessage CreateTool(string toolCallId, string content)
    {
        ArgumentNullException.ThrowIfNull(toolCallId);
        ArgumentNullException.ThrowIfNull(content);
        return new ChatMessage(ChatRole.Tool, content, [], [], toolCallId);
    }

    /// <summary>
    /// Creates an assistant message with both text and tool calls: the form a tool turn is replayed in to TGI older than
    /// 3.1.1, which requires <c>content</c> and ignores <c>tool_calls</c>.
    /// </summary>
    internal static ChatMessage CreateAssistant(string content, IReadOnlyList<ChatToolCall> toolCalls) =>
        new(ChatRole.Assistant, content, [], toolCalls, null);
}
