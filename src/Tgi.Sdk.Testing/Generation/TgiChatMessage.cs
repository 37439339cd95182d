// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>One chat message as the emulator's template saw it (text chunks joined, images as <c>![](url)</c>).</summary>
public sealed class TgiChatMessage
{
    internal TgiChatMessage(string role, string content)
    {
        Role = role;
        Content = content;
    }

    /// <summary>Gets the role (TGI does not validate roles).</summary>
    public string Role { get; }

    /// <summary>Gets the text content (tool calls in an assistant message are rendered as their JSON).</summary>
    public string Content { get; }
}
