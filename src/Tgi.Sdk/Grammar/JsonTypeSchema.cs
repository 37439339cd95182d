// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Buffers;
using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace Tgi.Sdk;

/// <summary>
/// Builds the JSON Schema of a type from its (source-generated) <see cref="JsonTypeInfo"/> with
/// <see cref="JsonSchemaExporter"/>: no reflection, so it works under Native AOT. Schemas are cached per type info.
/// </summary>
/// <remarks>
/// <para>Choices, made for TGI's grammar compiler (outlines-core) and its <c>properties</c> rule:</para>
/// <list type="bullet">
/// <item>The root is never nullable (<see cref="JsonSchemaExporterOptions.TreatNullObliviousAsNonNullable"/>): a
/// <c>["object","null"]</c> root would let the model answer <c>null</c>.</item>
/// <item>An object schema without members gets <c>"properties": {}</c>, which TGI requires.</item>
/// <item>Nothing else is added or stripped: the exporter writes no <c>$schema</c>, and <c>additionalProperties: false</c>
/// appears only when the contract disallows unmapped members, which TGI's compiler honours.</item>
/// <item>A <see cref="DescriptionAttribute"/> on a type or a property becomes that schema's <c>description</c>
/// (a property's own description, or its record constructor parameter's, wins over its type's): models call a tool well only when its parameters are
/// described. The attributes are read from the contract's attribute providers, which source generation keeps, so this
/// works under Native AOT.</item>
/// </list>
/// </remarks>
internal static class JsonTypeSchema
{
    private static readonly JsonSchemaExporterOptions s_exporterOptions = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = AddDescription,
    };
    private static readonly ConditionalWeakTable<JsonTypeInfo, StrongBox<JsonElement>> s_cache = new();

    /// <summary>Gets the schema of the type.</summary>
    /// <param name="typeInfo">The type's contract.</param>
    /// <returns>The schema, as a detached element.</returns>
    public static JsonElement For(JsonTypeInfo typeInfo) =>
        s_cache.GetValue(typeInfo, static info => new StrongBox<JsonElement>(Export(info))).Value;

    /// <summary>Converts a schema node to a detached element.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The element.</returns>
    public static JsonElement ToElement(JsonNode node)
    {
        ArrayBufferWriter<byte> buffer = new(256);
        using (Utf8JsonWriter writer = new(buffer))
        {
            node.WriteTo(writer);
        }

        using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static JsonElement Export(JsonTypeInfo typeInfo)
    {
        JsonNode schema = typeInfo.GetJsonSchemaAsNode(s_exporterOptions);
        if (schema is JsonObject root && root["properties"] is null && IsObjectType(root["type"]))
        {
            root["properties"] = new JsonObject();
        }

        return ToElement(schema);
    }

    private static JsonNode AddDescription(JsonSchemaExporterContext context, JsonNode schema)
    {
        // A record's positional parameter carries the attribute unless it is written [property: Description]: both count.
        string? description = DescriptionOf(context.PropertyInfo?.AttributeProvider)
            ?? DescriptionOf(context.PropertyInfo?.AssociatedParameter?.AttributeProvider)
            ?? DescriptionOf(context.TypeInfo.Type);
        if (description is null)
        {
            return schema;
        }

        // A boolean schema `true` (anything) has no keywords: the equivalent empty object can carry the description.
        JsonObject? target = schema switch
        {
            JsonObject obj => obj,
            JsonValue when schema.GetValueKind() == JsonValueKind.True => new JsonObject(),
            _ => null,
        };
        if (target is null)
        {
            return schema;
        }

        target.Remove("description");
        target.Insert(0, "description", description);
        return target;
    }

    private static string? DescriptionOf(ICustomAttributeProvider? provider)
    {
        if (provider is null)
        {
            return null;
        }

        object[] attributes = provider.GetCustomAttributes(typeof(DescriptionAttribute), inherit: false);
        return attributes.Length > 0 && attributes[0] is DescriptionAttribute { Description: { Length: > 0 } text } ? text : null;
    }

    private static bool IsObjectType(JsonNode? type) =>
        type is JsonValue value && value.TryGetValue(out string? text) && text == "object";
}
