// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Chat;

/// <summary>A function the model may call: <c>{"type":"function","function":{name, description?, parameters}}</c>.</summary>
/// <remarks>TGI: <c>parameters</c> is required (a missing one is a plain-text 422) (API.md §2.2, §5.1).</remarks>
public sealed class ChatTool
{
    private ChatTool(string name, string? description, JsonElement parameters)
    {
        FunctionName = name;
        FunctionDescription = description;
        FunctionParameters = parameters;
    }

    /// <summary>Gets the function name.</summary>
    public string FunctionName { get; }

    /// <summary>Gets the function description.</summary>
    public string? FunctionDescription { get; }

    /// <summary>Gets the JSON Schema of the arguments.</summary>
    public JsonElement FunctionParameters { get; }

    /// <summary>Creates a function tool.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="description">What the function does.</param>
    /// <param name="parameters">The JSON Schema of the arguments.</param>
    /// <returns>The tool.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static ChatTool CreateFunction(string name, string? description, JsonElement parameters)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new ChatTool(name, description, parameters.Clone());
    }

    /// <summary>Creates a function tool from JSON Schema text.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="description">What the function does.</param>
    /// <param name="parametersJson">The JSON Schema of the arguments, as JSON text.</param>
    /// <returns>The tool.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="parametersJson"/> is null.</exception>
    public static ChatTool CreateFunction(string name, string? description, string parametersJson)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(parametersJson);
        using JsonDocument document = JsonDocument.Parse(parametersJson);
        return new ChatTool(name, description, document.RootElement.Clone());
    }
}
