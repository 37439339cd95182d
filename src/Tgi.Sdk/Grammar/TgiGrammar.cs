// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk;

/// <summary>
/// A grammar constraint: <c>parameters.grammar</c> on the native API, <c>response_format</c> on chat. Built with
/// <see cref="Json(JsonElement)"/>, <see cref="Regex(string)"/> or <see cref="JsonSchema(JsonElement, string?)"/>.
/// </summary>
/// <remarks>
/// TGI: adjacently tagged <c>{"type": kind, "value": payload}</c>; the key is always <c>value</c>. OpenAI's
/// <c>{"type":"json_schema","json_schema":…}</c> and schema-free <c>{"type":"json_object"}</c> are rejected by TGI,
/// so this type cannot express them (API.md §7).
/// </remarks>
public sealed class TgiGrammar
{
    private readonly JsonElement _schema;
    private readonly string? _text;

    private TgiGrammar(TgiGrammarKind kind, JsonElement schema, string? text, string? name)
    {
        Kind = kind;
        _schema = schema;
        _text = text;
        Name = name;
    }

    /// <summary>Gets the grammar kind.</summary>
    public TgiGrammarKind Kind { get; }

    /// <summary>Gets the schema name of a <see cref="TgiGrammarKind.JsonSchema"/> grammar, if given.</summary>
    public string? Name { get; }

    /// <summary>Creates a <c>json</c> grammar from a JSON Schema object.</summary>
    /// <param name="schema">The schema; TGI requires a top-level <c>properties</c>.</param>
    /// <returns>The grammar.</returns>
    public static TgiGrammar Json(JsonElement schema) => new(TgiGrammarKind.Json, schema.Clone(), null, null);

    /// <summary>Creates a <c>json</c> grammar from JSON Schema text (TGI accepts the schema as a JSON string).</summary>
    /// <param name="schemaJson">The schema as JSON text.</param>
    /// <returns>The grammar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schemaJson"/> is null.</exception>
    public static TgiGrammar Json(string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        return new(TgiGrammarKind.Json, default, schemaJson, null);
    }

    /// <summary>Creates a <c>regex</c> grammar.</summary>
    /// <param name="pattern">The regular expression.</param>
    /// <returns>The grammar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    public static TgiGrammar Regex(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new(TgiGrammarKind.Regex, default, pattern, null);
    }

    /// <summary>Creates a <c>json_schema</c> grammar (TGI ≥3.3.0): <c>{"type":"json_schema","value":{"name","schema"}}</c>.</summary>
    /// <param name="schema">The JSON Schema.</param>
    /// <param name="name">An optional schema name.</param>
    /// <returns>The grammar.</returns>
    public static TgiGrammar JsonSchema(JsonElement schema, string? name = null) =>
        new(TgiGrammarKind.JsonSchema, schema.Clone(), null, name);

    /// <summary>Writes <c>{"type":…,"value":…}</c>.</summary>
    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        switch (Kind)
        {
            case TgiGrammarKind.Json:
                writer.WriteString("type"u8, "json"u8);
                if (_text is not null)
                {
                    writer.WriteString("value"u8, _text);
                }
                else
                {
                    writer.WritePropertyName("value"u8);
                    _schema.WriteTo(writer);
                }

                break;
            case TgiGrammarKind.Regex:
                writer.WriteString("type"u8, "regex"u8);
                writer.WriteString("value"u8, _text);
                break;
            default:
                writer.WriteString("type"u8, "json_schema"u8);
                writer.WriteStartObject("value"u8);
                if (Name is not null)
                {
                    writer.WriteString("name"u8, Name);
                }

                writer.WritePropertyName("schema"u8);
                _schema.WriteTo(writer);
                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
    }
}
