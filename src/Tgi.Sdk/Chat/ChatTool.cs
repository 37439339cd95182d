// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Chat;

/// <summary>
/// A function the model may call: <c>{"type":"function","function":{name, description?, parameters}}</c>, and
/// optionally the handler that runs it in a tool loop (<see cref="TgiClient.RunToolsAsync(IEnumerable{ChatMessage}, ChatCompletionOptions, int, CancellationToken)"/>).
/// </summary>
/// <remarks>
/// <para>One type for every tool: <see cref="CreateFunction(string, string?, JsonElement)"/> describes a function by
/// its JSON Schema; <see cref="TgiTool"/> derives the schema from a C# argument type and can attach a handler. A tool
/// with a handler (<see cref="HasHandler"/>) is sent exactly like one without: the handler never leaves the process.</para>
/// <para>TGI: <c>parameters</c> is required (a missing one is a plain-text 422).</para>
/// </remarks>
public sealed class ChatTool
{
    private readonly Func<ChatToolCall, CancellationToken, Task<string>>? _handler;

    private ChatTool(string name, string? description, JsonElement parameters, Func<ChatToolCall, CancellationToken, Task<string>>? handler = null)
    {
        FunctionName = name;
        FunctionDescription = description;
        FunctionParameters = parameters;
        _handler = handler;
    }

    /// <summary>Gets the function name.</summary>
    public string FunctionName { get; }

    /// <summary>Gets the function description.</summary>
    public string? FunctionDescription { get; }

    /// <summary>Gets the JSON Schema of the arguments.</summary>
    public JsonElement FunctionParameters { get; }

    /// <summary>Gets a value indicating whether the tool has a handler, so a tool loop can run it.</summary>
    public bool HasHandler => _handler is not null;

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

    /// <summary>Runs the tool's handler for a call the model made.</summary>
    /// <param name="call">The call; its arguments are read by the handler.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The result text, sent back to the model as the tool message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="call"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The tool has no handler (<see cref="HasHandler"/> is false).</exception>
    /// <exception cref="TgiException">The arguments cannot be read into the handler's argument type (<see cref="TgiErrorType.InvalidOutput"/>).</exception>
    public Task<string> InvokeAsync(ChatToolCall call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        return _handler is null
            ? throw new InvalidOperationException($"The tool '{FunctionName}' has no handler; create it with a handler (TgiTool.Create) to run it.")
            : _handler(call, cancellationToken);
    }

    /// <summary>Creates a tool with a handler (see <see cref="TgiTool"/>).</summary>
    internal static ChatTool CreateWithHandler(string name, string? description, JsonElement parameters, Func<ChatToolCall, CancellationToken, Task<string>> handler) =>
        new(name, description, parameters, handler);
}
