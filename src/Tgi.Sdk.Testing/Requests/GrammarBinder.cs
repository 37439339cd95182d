// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>Binds the adjacently tagged <c>GrammarType</c> <c>{"type", "value"}</c>.</summary>
internal static class GrammarBinder
{
    public static GrammarRequest? Bind(JsonElement obj, string name, JsonPath path, WireProfile profile)
    {
        if (!JsonFields.IsPresentNotNull(obj, name, out JsonElement grammar))
        {
            return null;
        }

        JsonPath at = path.Property(name);
        if (grammar.ValueKind != JsonValueKind.Object)
        {
            throw JsonFields.Invalid(grammar, "adjacently tagged enum GrammarType", at);
        }

        if (!grammar.TryGetProperty("type", out JsonElement type))
        {
            throw new BindException(at, "missing field `type`");
        }

        string variants = profile.JsonSchemaGrammar ? "`json`, `json_object`, `regex`, `json_schema`" : "`json`, `json_object`, `regex`";
        string? kind = type.ValueKind == JsonValueKind.String ? type.GetString() : null;
        bool known = kind is "json" or "json_object" or "regex" || (kind == "json_schema" && profile.JsonSchemaGrammar);
        if (!known)
        {
            throw type.ValueKind == JsonValueKind.String
                ? new BindException(at.Property("type"), $"unknown variant `{kind}`, expected one of {variants}")
                : JsonFields.Invalid(type, "variant identifier", at.Property("type"));
        }

        if (!grammar.TryGetProperty("value", out JsonElement value))
        {
            throw new BindException(at, "missing field `value`");
        }

        if (kind == "regex" && value.ValueKind != JsonValueKind.String)
        {
            throw JsonFields.Invalid(value, "a string", at.Property("value"));
        }

        if (kind == "json_schema")
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw JsonFields.Invalid(value, "struct JsonSchemaConfig", at.Property("value"));
            }

            if (!value.TryGetProperty("schema", out _))
            {
                throw new BindException(at.Property("value"), "missing field `schema`");
            }
        }

        return new GrammarRequest(kind!, value.Clone());
    }
}
