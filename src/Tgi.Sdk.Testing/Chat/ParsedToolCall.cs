// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>
/// The model's tool-grammar output <c>{"function": {"_name": "...", ...}}</c> parsed as TGI's router parses it:
/// the name, the remaining members as the arguments (order kept), and the raw <c>function</c> object.
/// </summary>
internal sealed class ParsedToolCall
{
    private ParsedToolCall(string name, string argumentsJson, string functionJson)
    {
        Name = name;
        ArgumentsJson = argumentsJson;
        FunctionJson = functionJson;
    }

    public string Name { get; }

    /// <summary>Gets the arguments as compact JSON (TGI ≥3.2 sends this string).</summary>
    public string ArgumentsJson { get; }

    /// <summary>Gets the whole <c>function</c> object as compact JSON, <c>_name</c> included (TGI ≤2.0.0 <c>parameters</c>).</summary>
    public string FunctionJson { get; }

    public static bool TryParse(string text, out ParsedToolCall? call, out string? error)
    {
        call = null;
        error = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("function", out JsonElement function)
                || function.ValueKind != JsonValueKind.Object)
            {
                error = "missing field `function` at line 1 column " + Encoding.UTF8.GetByteCount(text);
                return false;
            }

            if (!function.TryGetProperty("_name", out JsonElement name) || name.ValueKind != JsonValueKind.String)
            {
                error = "missing field `_name` at line 1 column " + Encoding.UTF8.GetByteCount(text);
                return false;
            }

            var arguments = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(arguments, JsonResponses.WriterOptions))
            {
                writer.WriteStartObject();
                foreach (JsonProperty property in function.EnumerateObject())
                {
                    if (property.Name != "_name")
                    {
                        property.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
            }

            var whole = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(whole, JsonResponses.WriterOptions))
            {
                function.WriteTo(writer);
            }

            call = new ParsedToolCall(name.GetString()!, Encoding.UTF8.GetString(arguments.WrittenSpan), Encoding.UTF8.GetString(whole.WrittenSpan));
            return true;
        }
        catch (JsonException exception)
        {
            (int line, int column) = JsonPositionFinder.LineColumnAt(Encoding.UTF8.GetBytes(text), text.Length);
            error = exception.Message.Contains("end of data", StringComparison.OrdinalIgnoreCase) || exception.Message.Contains("incomplete", StringComparison.OrdinalIgnoreCase)
                ? $"EOF while parsing an object at line {line} column {column}"
                : $"expected value at line {(exception.LineNumber ?? 0) + 1} column {(exception.BytePositionInLine ?? 0) + 1}";
            return false;
        }
    }

    /// <summary>The content of a no_tool / notify_error call (TGI 2.x returns it as the answer).</summary>
    public static string? ContentOf(string argumentsJson, string key)
    {
        using JsonDocument document = JsonDocument.Parse(argumentsJson);
        return document.RootElement.TryGetProperty(key, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
