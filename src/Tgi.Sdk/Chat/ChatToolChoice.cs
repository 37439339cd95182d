// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Chat;

/// <summary>How the model should use the tools: <see cref="Auto"/>, <see cref="None"/>, <see cref="Required"/> or one named function.</summary>
/// <remarks>
/// TGI: <c>auto</c> adds a hidden <c>no_tool</c> function and (≥3.2) re-generates without tools when it is chosen;
/// <c>required</c> and the object form are understood from 2.4.1.
/// </remarks>
public sealed class ChatToolChoice
{
    private ChatToolChoice(string? keyword, string? functionName)
    {
        Keyword = keyword;
        FunctionName = functionName;
    }

    /// <summary>Gets the <c>auto</c> choice (TGI's default).</summary>
    public static ChatToolChoice Auto { get; } = new("auto", null);

    /// <summary>Gets the <c>none</c> choice: tools are not rendered.</summary>
    public static ChatToolChoice None { get; } = new("none", null);

    /// <summary>Gets the <c>required</c> choice: the model must call one of the tools.</summary>
    public static ChatToolChoice Required { get; } = new("required", null);

    /// <summary>Gets the keyword, or null for a named function.</summary>
    public string? Keyword { get; }

    /// <summary>Gets the function name of a named choice.</summary>
    public string? FunctionName { get; }

    /// <summary>Creates a choice that forces one function: <c>{"type":"function","function":{"name":…}}</c>.</summary>
    /// <param name="functionName">The function name.</param>
    /// <returns>The choice.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="functionName"/> is null.</exception>
    public static ChatToolChoice CreateFunction(string functionName)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        return new ChatToolChoice(null, functionName);
    }
}
