// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk;

/// <summary>
/// Checks a JSON Schema against the rules TGI applies to a <c>json</c> / <c>json_schema</c> grammar before it is sent,
/// so a bad schema fails at once with a message that names the rule instead of a 422 from the server.
/// </summary>
/// <remarks>
/// TGI: the value must be a schema object (or a string holding one), and it must have a top-level <c>properties</c>:
/// <c>grammar is not valid: Grammar must have a 'properties' field</c>. There is no schema-free JSON mode: OpenAI's
/// <c>{"type":"json_object"}</c> without a value is a plain-text 422 <c>missing field `value`</c>.
/// </remarks>
internal static class JsonSchemaRules
{
    /// <summary>The message for a missing schema (OpenAI's schema-free JSON mode).</summary>
    public const string NoSchemaMessage =
        "TGI needs a JSON Schema: it has no schema-free JSON mode, so OpenAI's response_format {\"type\":\"json_object\"} "
        + "without a schema is rejected (422 \"missing field `value`\"). Pass an object schema with a top-level \"properties\" object.";

    /// <summary>Throws an <see cref="ArgumentException"/> naming the broken rule, or returns.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="paramName">The parameter to name in the exception.</param>
    public static void Validate(JsonElement schema, string paramName)
    {
        if (Check(schema) is { } problem)
        {
            throw new ArgumentException(problem, paramName);
        }
    }

    /// <summary>Returns the message for the first TGI rule the schema breaks, or null when it follows them all.</summary>
    /// <param name="schema">The schema.</param>
    /// <returns>The message, or null.</returns>
    public static string? Check(JsonElement schema)
    {
        if (schema.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return NoSchemaMessage;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return $"TGI rule: a JSON grammar must be a JSON Schema object, not a JSON {Describe(schema.ValueKind)} (TGI answers 422 \"grammar is not supported\").";
        }

        if (schema.TryGetProperty("type", out JsonElement type) && !AllowsObject(type))
        {
            return $"TGI rule: the top-level schema must describe an object with \"properties\", but its \"type\" is {type.GetRawText()}. "
                + "Wrap the value in a property of an object schema.";
        }

        if (!schema.TryGetProperty("properties", out JsonElement properties))
        {
            bool schemaFree = !HasOtherKeywords(schema);
            return "TGI rule: a JSON Schema grammar must have a top-level \"properties\" object (TGI answers 422 \"Grammar must have a 'properties' field\")."
                + (schemaFree ? " TGI has no schema-free JSON mode like OpenAI's json_object: describe the object's properties." : string.Empty);
        }

        if (properties.ValueKind != JsonValueKind.Object)
        {
            return $"TGI rule: the top-level \"properties\" of a JSON Schema grammar must be an object, not a JSON {Describe(properties.ValueKind)}.";
        }

        return null;
    }

    private static bool AllowsObject(JsonElement type)
    {
        if (type.ValueKind == JsonValueKind.String)
        {
            return type.ValueEquals("object"u8);
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in type.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.ValueEquals("object"u8))
                {
                    return true;
                }
            }

            return false;
        }

        // Not a valid "type"; TGI's own schema check reports it.
        return true;
    }

    private static bool HasOtherKeywords(JsonElement schema)
    {
        foreach (JsonProperty property in schema.EnumerateObject())
        {
            if (property.Name is not ("type" or "$schema" or "additionalProperties" or "title" or "description"))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
