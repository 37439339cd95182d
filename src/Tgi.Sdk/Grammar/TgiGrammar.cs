// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Tgi.Sdk;

/// <summary>
/// A grammar constraint: <c>parameters.grammar</c> on the native API, <c>response_format</c> on chat; the same value
/// works on both. Built with <see cref="Json(JsonElement)"/> (also from a <see cref="JsonNode"/>, JSON text, or a
/// <see cref="JsonTypeInfo{T}"/>), <see cref="Regex(string)"/>, or <see cref="JsonSchema(string, JsonElement)"/> (TGI ≥3.3).
/// </summary>
/// <remarks>
/// <para>TGI: adjacently tagged <c>{"type": kind, "value": payload}</c>; the key is always <c>value</c>. OpenAI's
/// <c>{"type":"json_schema","json_schema":…}</c> and schema-free <c>{"type":"json_object"}</c> are rejected by TGI,
/// so this type cannot express them.</para>
/// <para>JSON schemas are checked when the grammar is built, against the rules TGI applies: a schema object with a
/// top-level <c>properties</c> object. A schema that breaks one throws an <see cref="ArgumentException"/> that names
/// the rule, instead of a 422 from the server.</para>
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

    /// <summary>Gets the JSON Schema of a <see cref="TgiGrammarKind.Json"/> or <see cref="TgiGrammarKind.JsonSchema"/> grammar; null for a regex.</summary>
    public JsonElement? Schema => Kind == TgiGrammarKind.Regex ? null : _schema;

    /// <summary>Gets the pattern of a <see cref="TgiGrammarKind.Regex"/> grammar; null otherwise.</summary>
    public string? Pattern => Kind == TgiGrammarKind.Regex ? _text : null;

    /// <summary>Creates a <c>json</c> grammar from a JSON Schema object.</summary>
    /// <param name="schema">The schema; TGI requires an object schema with a top-level <c>properties</c>.</param>
    /// <returns>The grammar.</returns>
    /// <exception cref="ArgumentException"><paramref name="schema"/> is missing, or breaks a TGI schema rule (the message names it).</exception>
    public static TgiGrammar Json(JsonElement schema)
    {
        JsonSchemaRules.Validate(schema, nameof(schema));
        return new(TgiGrammarKind.Json, schema.Clone(), null, null);
    }

    /// <summary>Creates a <c>json</c> grammar from a JSON Schema node.</summary>
    /// <param name="schema">The schema; TGI requires an object schema with a top-level <c>properties</c>.</param>
    /// <returns>The grammar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schema"/> is null (TGI has no schema-free JSON mode).</exception>
    /// <exception cref="ArgumentException"><paramref name="schema"/> breaks a TGI schema rule (the message names it).</exception>
    public static TgiGrammar Json(JsonNode schema) => Json(ToElement(schema, nameof(schema)));

    /// <summary>Creates a <c>json</c> grammar from JSON Schema text (TGI accepts the schema as a JSON string, and it is sent as one).</summary>
    /// <param name="schemaJson">The schema as JSON text.</param>
    /// <returns>The grammar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schemaJson"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="schemaJson"/> is not JSON, or breaks a TGI schema rule (the message names it).</exception>
    public static TgiGrammar Json(string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        JsonElement schema;
        try
        {
            using JsonDocument document = JsonDocument.Parse(schemaJson);
            schema = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The JSON Schema text is not valid JSON: {e.Message}", nameof(schemaJson), e);
        }

        JsonSchemaRules.Validate(schema, nameof(schemaJson));
        return new(TgiGrammarKind.Json, schema, schemaJson, null);
    }

    /// <summary>
    /// Creates a <c>json</c> grammar from the JSON Schema of <typeparamref name="T"/>, exported from its contract with
    /// <see cref="System.Text.Json.Schema.JsonSchemaExporter"/> (no reflection: pass source-generated type info for Native AOT).
    /// </summary>
    /// <typeparam name="T">The type the output must deserialize to; an object type.</typeparam>
    /// <param name="typeInfo">The type's contract, for example <c>MyJsonContext.Default.Weather</c>.</param>
    /// <returns>The grammar.</returns>
    /// <remarks>
    /// The root is non-nullable; property nullability follows the contract (set <c>RespectNullableAnnotations</c> in
    /// the context's options to make non-nullable reference properties non-nullable in the schema too).
    /// A <see cref="System.ComponentModel.DescriptionAttribute"/> on the type, a property or a record's constructor
    /// parameter becomes that schema's <c>description</c>, which the model reads.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is null.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an object type (TGI needs top-level <c>properties</c>).</exception>
    public static TgiGrammar Json<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return Json(SchemaOf(typeInfo));
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
    /// <param name="schema">The JSON Schema; TGI requires an object schema with a top-level <c>properties</c>.</param>
    /// <param name="name">An optional schema name.</param>
    /// <returns>The grammar.</returns>
    /// <exception cref="ArgumentException"><paramref name="schema"/> is missing, or breaks a TGI schema rule (the message names it).</exception>
    public static TgiGrammar JsonSchema(JsonElement schema, string? name = null)
    {
        JsonSchemaRules.Validate(schema, nameof(schema));
        return new(TgiGrammarKind.JsonSchema, schema.Clone(), null, name);
    }

    /// <summary>Creates a named <c>json_schema</c> grammar (TGI ≥3.3.0): <c>{"type":"json_schema","value":{"name","schema"}}</c>.</summary>
    /// <param name="name">The schema name.</param>
    /// <param name="schema">The JSON Schema; TGI requires an object schema with a top-level <c>properties</c>.</param>
    /// <returns>The grammar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="schema"/> is missing, or breaks a TGI schema rule (the message names it).</exception>
    public static TgiGrammar JsonSchema(string name, JsonElement schema)
    {
        ArgumentNullException.ThrowIfNull(name);
        return JsonSchema(schema, name);
    }

    /// <summary>Creates a named <c>json_schema</c> grammar (TGI ≥3.3.0) from a JSON Schema node.</summary>
    /// <param name="name">The schema name.</param>
    /// <param name="schema">The JSON Schema; TGI requires an object schema with a top-level <c>properties</c>.</param>
    /// <returns>The grammar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="schema"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="schema"/> breaks a TGI schema rule (the message names it).</exception>
    public static TgiGrammar JsonSchema(string name, JsonNode schema)
    {
        ArgumentNullException.ThrowIfNull(name);
        return JsonSchema(ToElement(schema, nameof(schema)), name);
    }

    /// <summary>Creates a named <c>json_schema</c> grammar (TGI ≥3.3.0) from the JSON Schema of <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type the output must deserialize to; an object type.</typeparam>
    /// <param name="name">The schema name.</param>
    /// <param name="typeInfo">The type's contract (source-generated for Native AOT).</param>
    /// <returns>The grammar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="typeInfo"/> is null.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an object type (TGI needs top-level <c>properties</c>).</exception>
    public static TgiGrammar JsonSchema<T>(string name, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(typeInfo);
        return JsonSchema(SchemaOf(typeInfo), name);
    }

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

    private static JsonElement SchemaOf(JsonTypeInfo typeInfo)
    {
        JsonElement schema = JsonTypeSchema.For(typeInfo);
        return JsonSchemaRules.Check(schema) is { } problem
            ? throw new ArgumentException($"The JSON Schema of {typeInfo.Type.Name} cannot be a TGI grammar. {problem}", nameof(typeInfo))
            : schema;
    }

    private static JsonElement ToElement(JsonNode? schema, string paramName) =>
        schema is null ? throw new ArgumentNullException(paramName, JsonSchemaRules.NoSchemaMessage) : JsonTypeSchema.ToElement(schema);
}
