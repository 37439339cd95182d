// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>
/// Typed reads of request fields that fail the way serde does for TGI's Rust types (Option fields accept null; plain
/// fields do not), so bind errors carry serde's wording: "invalid type: string \"x\", expected a sequence".
/// </summary>
internal static class JsonFields
{
    public static bool TryGet(JsonElement obj, string name, out JsonElement value) =>
        obj.TryGetProperty(name, out value);

    public static bool IsPresentNotNull(JsonElement obj, string name, out JsonElement value) =>
        obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public static string RequiredString(JsonElement obj, string name, JsonPath path)
    {
        if (!obj.TryGetProperty(name, out JsonElement value))
        {
            throw new BindException(path, $"missing field `{name}`");
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Invalid(value, "a string", path.Property(name));
    }

    public static string? OptionalString(JsonElement obj, string name, JsonPath path)
    {
        if (!IsPresentNotNull(obj, name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Invalid(value, "a string", path.Property(name));
    }

    public static float? OptionalF32(JsonElement obj, string name, JsonPath path)
    {
        if (!IsPresentNotNull(obj, name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number ? (float)value.GetDouble() : throw Invalid(value, "f32", path.Property(name));
    }

    public static long? OptionalUnsigned(JsonElement obj, string name, JsonPath path, string rustType, ulong max)
    {
        if (!IsPresentNotNull(obj, name, out JsonElement value))
        {
            return null;
        }

        JsonPath at = path.Property(name);
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw Invalid(value, rustType, at);
        }

        if (value.TryGetUInt64(out ulong unsigned))
        {
            return unsigned <= max ? (long)Math.Min(unsigned, long.MaxValue)
                : throw new BindException(at, $"invalid value: integer `{unsigned}`, expected {rustType}");
        }

        if (value.TryGetInt64(out long signed))
        {
            throw new BindException(at, $"invalid value: integer `{signed}`, expected {rustType}");
        }

        throw Invalid(value, rustType, at);
    }

    public static int? OptionalU32(JsonElement obj, string name, JsonPath path)
    {
        long? value = OptionalUnsigned(obj, name, path, "u32", uint.MaxValue);
        return value is null ? null : (int)Math.Min(value.Value, int.MaxValue);
    }

    public static ulong? OptionalU64(JsonElement obj, string name, JsonPath path)
    {
        if (!IsPresentNotNull(obj, name, out JsonElement value))
        {
            return null;
        }

        JsonPath at = path.Property(name);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out ulong result))
        {
            return result;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long signed))
        {
            throw new BindException(at, $"invalid value: integer `{signed}`, expected u64");
        }

        throw Invalid(value, "u64", at);
    }

    public static int? OptionalI32(JsonElement obj, string name, JsonPath path)
    {
        if (!IsPresentNotNull(obj, name, out JsonElement value))
        {
            return null;
        }

        JsonPath at = path.Property(name);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int result))
        {
            return result;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long big))
        {
            throw new BindException(at, $"invalid value: integer `{big}`, expected i32");
        }

        throw Invalid(value, "i32", at);
    }

    public static bool? OptionalBool(JsonElement obj, string name, JsonPath path)
    {
        if (!IsPresentNotNull(obj, name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(value, "a boolean", path.Property(name)),
        };
    }

    /// <summary>A non-Option bool with a serde default: absent gives the default, null is rejected.</summary>
    public static bool DefaultedBool(JsonElement obj, string name, JsonPath path, bool defaultValue)
    {
        if (!obj.TryGetProperty(name, out JsonElement value))
        {
            return defaultValue;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(value, "a boolean", path.Property(name)),
        };
    }

    /// <summary>A string list; <paramref name="nullable"/> false means a JSON null is rejected (TGI's <c>stop: Vec&lt;String&gt;</c>).</summary>
    public static List<string>? StringList(JsonElement obj, string name, JsonPath path, bool nullable)
    {
        if (!obj.TryGetProperty(name, out JsonElement value) || (nullable && value.ValueKind == JsonValueKind.Null))
        {
            return null;
        }

        JsonPath at = path.Property(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(value, "a sequence", at);
        }

        var list = new List<string>(value.GetArrayLength());
        int index = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Invalid(item, "a string", at.Index(index)));
            index++;
        }

        return list;
    }

    /// <summary>An optional <c>Vec&lt;f32&gt;</c> (TGI's <c>logit_bias</c>).</summary>
    public static void OptionalFloatList(JsonElement obj, string name, JsonPath path)
    {
        if (!IsPresentNotNull(obj, name, out JsonElement value))
        {
            return;
        }

        JsonPath at = path.Property(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(value, "a sequence", at);
        }

        int index = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number)
            {
                throw Invalid(item, "f32", at.Index(index));
            }

            index++;
        }
    }

    public static BindException Invalid(JsonElement value, string expected, JsonPath at)
    {
        string unexpected = value.ValueKind switch
        {
            JsonValueKind.String => "string " + RustDebugString(value.GetString()!),
            JsonValueKind.Number when value.TryGetInt64(out long integer) => $"integer `{integer.ToString(CultureInfo.InvariantCulture)}`",
            JsonValueKind.Number when value.TryGetUInt64(out ulong big) => $"integer `{big.ToString(CultureInfo.InvariantCulture)}`",
            JsonValueKind.Number => $"floating point `{RustFloat.Format(value.GetDouble())}`",
            JsonValueKind.True => "boolean `true`",
            JsonValueKind.False => "boolean `false`",
            JsonValueKind.Null => "null",
            JsonValueKind.Array => "sequence",
            _ => "map",
        };
        // serde peeks at '{' or '[' without reading the container, so it reports the opening bracket's column.
        bool peeked = value.ValueKind is JsonValueKind.Object or JsonValueKind.Array;
        return new BindException(at, $"invalid type: {unexpected}, expected {expected}", atValueStart: peeked);
    }

    /// <summary>Rust's <c>{:?}</c> of a string: quotes plus backslash escapes.</summary>
    private static string RustDebugString(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
}
