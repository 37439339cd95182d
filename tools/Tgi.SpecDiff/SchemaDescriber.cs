// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json.Nodes;

namespace Tgi.SpecDiff;

/// <summary>
/// Turns schemas into short comparable strings (<c>integer(int32)?</c>, <c>array&lt;Token&gt;</c>,
/// <c>oneOf(object(type=json)|object(type=regex))</c>) and flattens compositions into properties,
/// so a flattened schema and an upstream union compare by property, not by shape alone.
/// </summary>
internal sealed class SchemaDescriber
{
    private const int MaxDepth = 16;
    private static readonly string[] s_compositions = ["allOf", "oneOf", "anyOf"];
    private static readonly string[] s_unions = ["oneOf", "anyOf"];
    private readonly SpecDocument _document;

    public SchemaDescriber(SpecDocument document)
    {
        _document = document;
    }

    /// <summary>
    /// A schema's type. A reference to an object or a union stays a name (it is compared on its own
    /// under schemas.*); a reference to a primitive, enum or array alias is described by its target.
    /// A trailing '?' marks nullable.
    /// </summary>
    public string Describe(JsonNode? schema) => Describe(schema, 0);

    /// <summary>Properties of an object schema and of every allOf/oneOf/anyOf member, by name.</summary>
    public SortedDictionary<string, CollectedProperty> CollectProperties(JsonNode? schema)
    {
        var result = new SortedDictionary<string, CollectedProperty>(StringComparer.Ordinal);
        Collect(schema, result, requiredContext: true, new HashSet<JsonObject>(ReferenceEqualityComparer.Instance));
        return result;
    }

    /// <summary>String enum values reachable from the schema (through refs and unions).</summary>
    public SortedSet<string> EnumValues(JsonNode? schema)
    {
        var values = new SortedSet<string>(StringComparer.Ordinal);
        CollectEnum(schema, values, 0);
        return values;
    }

    private static bool IsNullable(JsonObject obj) =>
        obj["nullable"] is JsonValue value && value.TryGetValue(out bool nullable) && nullable;

    private static bool IsNamedShape(JsonObject target) =>
        target["type"]?.GetValue<string>() == "object" || target.ContainsKey("properties") ||
        s_compositions.Any(target.ContainsKey);

    private string Describe(JsonNode? schema, int depth)
    {
        if (depth > MaxDepth)
        {
            return "...";
        }

        if (schema is not JsonObject obj)
        {
            return "any";
        }

        string suffix = IsNullable(obj) ? "?" : string.Empty;
        if (SpecDocument.RefName(obj) is string name)
        {
            JsonObject? target = _document.Resolve(obj);
            return target is not null && !IsNamedShape(target) ? Describe(target, depth + 1) : name;
        }

        foreach (string keyword in s_compositions)
        {
            if (obj[keyword] is JsonArray members)
            {
                // utoipa writes a nullable reference as allOf:[{$ref}] + nullable: that is just the reference.
                if (members.Count == 1 && !obj.ContainsKey("properties"))
                {
                    return Describe(members[0], depth + 1).TrimEnd('?') + suffix;
                }

                IEnumerable<string> parts = members.Select(m => DescribeMember(m, depth + 1)).Distinct().Order(StringComparer.Ordinal);
                return $"{keyword}({string.Join('|', parts)}){suffix}";
            }
        }

        string? type = obj["type"]?.GetValue<string>();
        return type switch
        {
            "array" => $"array<{Describe(obj["items"], depth + 1)}>{suffix}",
            "object" => "object" + suffix,
            null when obj.ContainsKey("properties") => "object" + suffix,
            null => "any" + suffix,
            _ => (obj["format"]?.GetValue<string>() is string format ? $"{type}({format})" : type) + suffix,
        };
    }

    // A union member: inline objects tagged by a single-value enum property read as object(type=json).
    private string DescribeMember(JsonNode? member, int depth)
    {
        if (member is JsonObject obj && SpecDocument.RefName(obj) is null && obj["properties"] is JsonObject properties)
        {
            foreach ((string name, JsonNode? property) in properties)
            {
                if (property?["enum"] is JsonArray { Count: 1 } tag)
                {
                    return $"object({name}={tag[0]})";
                }
            }
        }

        return Describe(member, depth);
    }

    private void Collect(JsonNode? schema, SortedDictionary<string, CollectedProperty> result, bool requiredContext, HashSet<JsonObject> visited)
    {
        JsonObject? obj = _document.Resolve(schema);
        if (obj is null || !visited.Add(obj))
        {
            return;
        }

        var required = new HashSet<string>(
            (obj["required"] as JsonArray ?? []).Select(r => r?.GetValue<string>() ?? string.Empty), StringComparer.Ordinal);
        if (obj["properties"] is JsonObject properties)
        {
            foreach ((string name, JsonNode? property) in properties)
            {
                if (!result.TryGetValue(name, out CollectedProperty? collected))
                {
                    collected = new CollectedProperty(name);
                    result.Add(name, collected);
                }

                collected.Schemas.Add(property);
                collected.Required |= requiredContext && required.Contains(name);
            }
        }

        if (obj["allOf"] is JsonArray allOf)
        {
            foreach (JsonNode? member in allOf)
            {
                Collect(member, result, requiredContext, visited);
            }
        }

        foreach (string keyword in s_unions)
        {
            if (obj[keyword] is JsonArray variants)
            {
                CollectVariants(variants, result, requiredContext, visited);
            }
        }

        visited.Remove(obj);
    }

    // A property of a union is required only when every variant requires it (GrammarType.type: yes;
    // MessageBody.content: no, the tool_calls variant has no content).
    private void CollectVariants(JsonArray variants, SortedDictionary<string, CollectedProperty> result, bool requiredContext, HashSet<JsonObject> visited)
    {
        var perVariant = new List<SortedDictionary<string, CollectedProperty>>();
        foreach (JsonNode? variant in variants)
        {
            var own = new SortedDictionary<string, CollectedProperty>(StringComparer.Ordinal);
            Collect(variant, own, requiredContext, visited);
            perVariant.Add(own);
        }

        foreach (SortedDictionary<string, CollectedProperty> own in perVariant)
        {
            foreach ((string name, CollectedProperty property) in own)
            {
                if (!result.TryGetValue(name, out CollectedProperty? collected))
                {
                    collected = new CollectedProperty(name);
                    result.Add(name, collected);
                }

                collected.Schemas.AddRange(property.Schemas);
                collected.Required |= perVariant.All(v => v.TryGetValue(name, out CollectedProperty? p) && p.Required);
            }
        }
    }

    private void CollectEnum(JsonNode? schema, SortedSet<string> values, int depth)
    {
        JsonObject? obj = _document.Resolve(schema);
        if (obj is null || depth > MaxDepth)
        {
            return;
        }

        if (obj["enum"] is JsonArray items)
        {
            foreach (JsonNode? item in items)
            {
                if (item is JsonValue value && value.TryGetValue(out string? text))
                {
                    values.Add(text);
                }
            }
        }

        foreach (string keyword in s_compositions)
        {
            if (obj[keyword] is JsonArray members)
            {
                foreach (JsonNode? member in members)
                {
                    // Object variants have their own properties; only primitive enum members count here.
                    JsonObject? resolved = _document.Resolve(member);
                    if (resolved is not null && !resolved.ContainsKey("properties"))
                    {
                        CollectEnum(member, values, depth + 1);
                    }
                }
            }
        }
    }
}
