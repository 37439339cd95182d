// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>
/// Writes one JSON value that satisfies a simple JSON schema (type, properties, required, items, enum, const, min/max,
/// minLength/maxLength, minItems/maxItems, anyOf/oneOf/allOf, local $ref), spaced the way a model writes it.
/// </summary>
internal static class JsonSchemaSampler
{
    private const int MaxDepth = 16;

    public static string Sample(JsonElement schema, uint hash)
    {
        var builder = new StringBuilder();
        WriteValue(builder, schema, schema, propertyName: null, hash, depth: 0);
        return builder.ToString();
    }

    /// <summary>Writes the members of an object schema without the braces (tool-call arguments are inlined after <c>_name</c>).</summary>
    public static void WriteMembers(StringBuilder builder, JsonElement schema, uint hash, bool leadingSeparator)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out JsonElement properties)
            || properties.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        bool first = !leadingSeparator;
        foreach (JsonProperty property in properties.EnumerateObject())
        {
            builder.Append(first ? string.Empty : ", ");
            first = false;
            AppendString(builder, property.Name);
            builder.Append(": ");
            WriteValue(builder, schema, property.Value, property.Name, StableHash.Of(property.Name, hash), depth: 1);
        }
    }

    private static void WriteValue(StringBuilder builder, JsonElement root, JsonElement schema, string? propertyName, uint hash, int depth)
    {
        schema = Resolve(root, schema);
        if (depth > MaxDepth || schema.ValueKind != JsonValueKind.Object)
        {
            builder.Append("null");
            return;
        }

        if (schema.TryGetProperty("const", out JsonElement constant))
        {
            builder.Append(constant.GetRawText());
            return;
        }

        if (schema.TryGetProperty("enum", out JsonElement values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            builder.Append(values[0].GetRawText());
            return;
        }

        foreach (string combinator in (ReadOnlySpan<string>)["anyOf", "oneOf", "allOf"])
        {
            if (schema.TryGetProperty(combinator, out JsonElement options) && options.ValueKind == JsonValueKind.Array && options.GetArrayLength() > 0)
            {
                WriteValue(builder, root, options[0], propertyName, hash, depth + 1);
                return;
            }
        }

        switch (TypeOf(schema))
        {
            case "object":
                builder.Append('{');
                WriteMembersOf(builder, root, schema, hash, depth);
                builder.Append('}');
                break;
            case "array":
                WriteArray(builder, root, schema, propertyName, hash, depth);
                break;
            case "integer":
                builder.Append(NumberIn(schema, 3, hash).ToString(CultureInfo.InvariantCulture));
                break;
            case "number":
                builder.Append((NumberIn(schema, 1, hash) + 0.5).ToString(CultureInfo.InvariantCulture));
                break;
            case "boolean":
                builder.Append("true");
                break;
            case "null":
                builder.Append("null");
                break;
            default:
                AppendString(builder, StringFor(schema, propertyName, hash));
                break;
        }
    }

    private static void WriteMembersOf(StringBuilder builder, JsonElement root, JsonElement schema, uint hash, int depth)
    {
        if (!schema.TryGetProperty("properties", out JsonElement properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        bool first = true;
        foreach (JsonProperty property in properties.EnumerateObject())
        {
            builder.Append(first ? " " : ", ");
            first = false;
            AppendString(builder, property.Name);
            builder.Append(": ");
            WriteValue(builder, root, property.Value, property.Name, StableHash.Of(property.Name, hash), depth + 1);
        }

        if (!first)
        {
            builder.Append(' ');
        }
    }

    private static void WriteArray(StringBuilder builder, JsonElement root, JsonElement schema, string? propertyName, uint hash, int depth)
    {
        int count = 2;
        if (schema.TryGetProperty("minItems", out JsonElement min) && min.TryGetInt32(out int minItems))
        {
            count = Math.Max(count, minItems);
        }

        if (schema.TryGetProperty("maxItems", out JsonElement max) && max.TryGetInt32(out int maxItems))
        {
            count = Math.Min(count, maxItems);
        }

        bool hasItems = schema.TryGetProperty("items", out JsonElement items);
        builder.Append('[');
        for (int i = 0; i < count; i++)
        {
            builder.Append(i == 0 ? " " : ", ");
            if (hasItems)
            {
                WriteValue(builder, root, items, propertyName, hash + (uint)i, depth + 1);
            }
            else
            {
                AppendString(builder, DeterministicGenerator.WordFor(hash + (uint)i));
            }
        }

        builder.Append(count > 0 ? " ]" : "]");
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        for (int i = 0; i < MaxDepth && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out JsonElement reference); i++)
        {
            string? path = reference.GetString();
            if (path is null || !path.StartsWith("#/", StringComparison.Ordinal))
            {
                break;
            }

            JsonElement current = root;
            foreach (string segment in path[2..].Split('/'))
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal), out current))
                {
                    return default;
                }
            }

            schema = current;
        }

        return schema;
    }

    private static string TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out JsonElement type))
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                return type.GetString() ?? "string";
            }

            if (type.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement option in type.EnumerateArray())
                {
                    if (option.GetString() is { } name && name != "null")
                    {
                        return name;
                    }
                }

                return "null";
            }
        }

        return schema.TryGetProperty("properties", out _) ? "object" : schema.TryGetProperty("items", out _) ? "array" : "string";
    }

    private static long NumberIn(JsonElement schema, long preferred, uint hash)
    {
        long value = preferred + (hash % 5);
        if (schema.TryGetProperty("minimum", out JsonElement min) && min.TryGetDouble(out double minimum))
        {
            value = Math.Max(value, (long)Math.Ceiling(minimum));
        }

        if (schema.TryGetProperty("exclusiveMinimum", out JsonElement xmin) && xmin.TryGetDouble(out double exclusiveMinimum))
        {
            value = Math.Max(value, (long)Math.Floor(exclusiveMinimum) + 1);
        }

        if (schema.TryGetProperty("maximum", out JsonElement max) && max.TryGetDouble(out double maximum))
        {
            value = Math.Min(value, (long)Math.Floor(maximum));
        }

        if (schema.TryGetProperty("exclusiveMaximum", out JsonElement xmax) && xmax.TryGetDouble(out double exclusiveMaximum))
        {
            value = Math.Min(value, (long)Math.Ceiling(exclusiveMaximum) - 1);
        }

        return value;
    }

    private static string StringFor(JsonElement schema, string? propertyName, uint hash)
    {
        string value = propertyName switch
        {
            "location" or "city" => "Paris, France",
            "format" or "unit" => "celsius",
            "firstName" or "name" => "Ada",
            "lastName" => "Lovelace",
            _ => DeterministicGenerator.WordFor(hash),
        };

        if (schema.TryGetProperty("minLength", out JsonElement min) && min.TryGetInt32(out int minLength))
        {
            while (value.Length < minLength)
            {
                value += "x";
            }
        }

        if (schema.TryGetProperty("maxLength", out JsonElement max) && max.TryGetInt32(out int maxLength) && value.Length > maxLength)
        {
            value = value[..Math.Max(0, maxLength)];
        }

        return value;
    }

    internal static void AppendString(StringBuilder builder, string value)
    {
        builder.Append(JsonStrings.Quote(value));
    }
}
