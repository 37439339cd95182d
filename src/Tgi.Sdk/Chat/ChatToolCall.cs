// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tgi.Sdk.Chat;

/// <summary>A function call made by the assistant.</summary>
/// <remarks>
/// TGI: <c>arguments</c> is a JSON string since 3.2 and a JSON object before; <c>id</c> is a string since 2.0.4 and an
/// integer before; 1.4–2.0.0 called the arguments <c>parameters</c>. All of them read into
/// <see cref="ArgumentsJson"/> as JSON text.
/// </remarks>
public sealed class ChatToolCall
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="id">The call id.</param>
    /// <param name="functionName">The function name.</param>
    /// <param name="argumentsJson">The arguments as JSON text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="functionName"/> is null.</exception>
    public ChatToolCall(string? id, string functionName, string? argumentsJson)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        Id = id ?? string.Empty;
        FunctionName = functionName;
        ArgumentsJson = argumentsJson ?? "{}";
    }

    /// <summary>Gets the call id (TGI sends <c>"0"</c> for non-streamed calls).</summary>
    public string Id { get; }

    /// <summary>Gets the function name.</summary>
    public string FunctionName { get; }

    /// <summary>Gets the arguments as JSON text (compact on ≥3.2; TGI's own serialization before).</summary>
    public string ArgumentsJson { get; }

    /// <summary>Parses <see cref="ArgumentsJson"/>.</summary>
    /// <returns>The arguments as a JSON element.</returns>
    /// <exception cref="TgiException">
    /// The arguments are not valid JSON (for example cut off by <c>max_tokens</c>), the same rule as
    /// <see cref="GetArguments{T}(JsonTypeInfo{T})"/>: <see cref="TgiException.ErrorType"/> is
    /// <see cref="TgiErrorType.InvalidOutput"/> and <see cref="TgiException.RawResponseBody"/> holds the raw arguments text.
    /// </exception>
    public JsonElement ParseArguments()
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(ArgumentsJson);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw StructuredOutput.Invalid($"The arguments of the call to '{FunctionName}'", typeInfo: null, "are not valid JSON: " + e.Message, ArgumentsJson, finishReason: null, e);
        }
    }

    /// <summary>
    /// Reads the arguments into <typeparamref name="T"/> through its contract (no reflection; Native AOT safe). Works for
    /// every TGI version: string arguments (≥3.2) and object arguments (≤3.1) both arrive here as JSON text.
    /// </summary>
    /// <typeparam name="T">The argument type, for example the one the tool was created from with <see cref="TgiTool.Create{TArgs}(string, string?, JsonTypeInfo{TArgs})"/>.</typeparam>
    /// <param name="typeInfo">The type's contract, for example <c>MyJsonContext.Default.WeatherArgs</c>.</param>
    /// <returns>The arguments.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is null.</exception>
    /// <exception cref="TgiException">
    /// The arguments are not valid JSON for <typeparamref name="T"/> (for example cut off by <c>max_tokens</c>):
    /// <see cref="TgiException.ErrorType"/> is <see cref="TgiErrorType.InvalidOutput"/> and
    /// <see cref="TgiException.RawResponseBody"/> holds the raw arguments text.
    /// </exception>
    public T GetArguments<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return StructuredOutput.Deserialize(ArgumentsJson, typeInfo, $"The arguments of the call to '{FunctionName}'", finishReason: null);
    }
}
