// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tgi.Sdk.Chat;

namespace Tgi.Sdk;

/// <summary>
/// Creates tools (<see cref="ChatTool"/>) from C# argument types: the JSON Schema comes from the type's source-generated
/// contract through <see cref="System.Text.Json.Schema.JsonSchemaExporter"/>, with no reflection, so it works under
/// Native AOT. Optionally attaches the handler that a tool loop (<see cref="TgiClient.RunToolsAsync(IEnumerable{ChatMessage}, ChatCompletionOptions, int, CancellationToken)"/>) runs.
/// </summary>
/// <remarks>
/// <para>A tool is always a <see cref="ChatTool"/>: this class is the typed way to build one, and
/// <see cref="ChatTool.CreateFunction(string, string?, JsonElement)"/> the raw-schema way. Read a call's arguments back
/// with <see cref="ChatToolCall.GetArguments{T}"/> and the same type info.</para>
/// <para>TGI merges the argument schema's <c>properties</c> into its tool grammar, so the argument type must be an
/// object type.</para>
/// <para>Describe the parameters with <see cref="System.ComponentModel.DescriptionAttribute"/> on the argument type and
/// its properties (or a record's constructor parameters): each becomes a <c>description</c> in the schema, and models call
/// a tool well only when its parameters are described.</para>
/// </remarks>
public static class TgiTool
{
    /// <summary>Creates a function tool whose arguments are <typeparamref name="TArgs"/>.</summary>
    /// <typeparam name="TArgs">The argument type: an object type.</typeparam>
    /// <param name="name">The function name.</param>
    /// <param name="description">What the function does (the model reads it).</param>
    /// <param name="argumentsTypeInfo">The argument type's contract, for example <c>MyJsonContext.Default.WeatherArgs</c>.</param>
    /// <returns>The tool.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="argumentsTypeInfo"/> is null.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="TArgs"/> is not an object type.</exception>
    public static ChatTool Create<TArgs>(string name, string? description, JsonTypeInfo<TArgs> argumentsTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(argumentsTypeInfo);
        return ChatTool.CreateFunction(name, description, SchemaOf(argumentsTypeInfo));
    }

    /// <summary>Creates a function tool whose arguments are <typeparamref name="TArgs"/>, with the handler that runs it.</summary>
    /// <typeparam name="TArgs">The argument type: an object type.</typeparam>
    /// <param name="name">The function name.</param>
    /// <param name="description">What the function does (the model reads it).</param>
    /// <param name="argumentsTypeInfo">The argument type's contract.</param>
    /// <param name="handler">Runs the call and returns the result text sent back to the model.</param>
    /// <returns>The tool.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="argumentsTypeInfo"/> or <paramref name="handler"/> is null.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="TArgs"/> is not an object type.</exception>
    public static ChatTool Create<TArgs>(string name, string? description, JsonTypeInfo<TArgs> argumentsTypeInfo, Func<TArgs, CancellationToken, Task<string>> handler)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(argumentsTypeInfo);
        ArgumentNullException.ThrowIfNull(handler);
        JsonElement schema = SchemaOf(argumentsTypeInfo);
        return ChatTool.CreateWithHandler(name, description, schema, (call, ct) => handler(call.GetArguments(argumentsTypeInfo), ct));
    }

    /// <summary>Creates a function tool from a raw JSON Schema, with a handler that receives the arguments as JSON.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="description">What the function does (the model reads it).</param>
    /// <param name="parameters">The JSON Schema of the arguments.</param>
    /// <param name="handler">Runs the call with the parsed arguments and returns the result text.</param>
    /// <returns>The tool.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="handler"/> is null.</exception>
    public static ChatTool Create(string name, string? description, JsonElement parameters, Func<JsonElement, CancellationToken, Task<string>> handler)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(handler);
        return ChatTool.CreateWithHandler(name, description, parameters.Clone(), (call, ct) => handler(call.ParseArguments(), ct));
    }

    private static JsonElement SchemaOf(JsonTypeInfo typeInfo)
    {
        JsonElement schema = JsonTypeSchema.For(typeInfo);
        return JsonSchemaRules.Check(schema) is { } problem
            ? throw new ArgumentException($"The argument type {typeInfo.Type.Name} cannot describe a TGI tool. {problem}", "argumentsTypeInfo")
            : schema;
    }
}
