// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Internal;

/// <summary>Lenient <see cref="JsonElement"/> accessors for non-streaming bodies (missing or null → default).</summary>
internal static class Json
{
    /// <summary>Gets a string property, or null.</summary>
    public static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Gets a string or number property as text, or null (ids were integers on old TGI versions).</summary>
    public static string? StringOrNumber(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>Gets an integer property, or 0.</summary>
    public static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;

    /// <summary>Gets an integer property, or null.</summary>
    public static int? NullableInt(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    /// <summary>Gets a 64-bit integer property, or 0.</summary>
    public static long Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;

    /// <summary>Gets an unsigned 64-bit property, or null.</summary>
    public static ulong? NullableUInt64(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetUInt64() : null;

    /// <summary>Gets a float property, or null (TGI writes non-finite floats as null).</summary>
    public static float? NullableSingle(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetSingle() : null;

    /// <summary>Gets a double property, or null.</summary>
    public static double? NullableDouble(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    /// <summary>Gets an object or array property, or null.</summary>
    public static JsonElement? Node(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? v : null;

    /// <summary>Gets a value as text: a string's content, or the raw JSON of an object (tool arguments, API.md §5.4).</summary>
    public static string? StringOrRaw(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => v.GetRawText(),
            }
            : null;
}
