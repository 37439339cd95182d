// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Testing.Tests.Conformance;

/// <summary>
/// JSON equality for recordings: key order ignored (the snapshots are sorted), numbers compared as the f32/integers
/// they are, and a recorded <c>null</c> may be missing from the wire only for keys that INDEX.md says the test clients
/// add (tg: best_of_sequences, top_tokens, name, tool_calls, usage; hf: content, tool_calls; oai: function_call,
/// refusal, service_tier, completion_tokens_details, prompt_tokens_details).
/// </summary>
internal static class JsonEquivalence
{
    private static readonly HashSet<string> s_clientAddedKeys =
    [
        "best_of_sequences", "top_tokens", "name", "tool_calls", "usage", "content", "function_call", "refusal",
        "service_tier", "completion_tokens_details", "prompt_tokens_details", "audio", "annotations",
    ];

    /// <summary>Returns null when equal, else the path and reason of the first difference.</summary>
    public static string? Difference(JsonElement recorded, JsonElement actual, string path = "$")
    {
        if (recorded.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            bool same = recorded.TryGetInt64(out long a) && actual.TryGetInt64(out long b)
                ? a == b
                : (float)recorded.GetDouble() == (float)actual.GetDouble();
            return same ? null : $"{path}: recorded {recorded.GetRawText()} but got {actual.GetRawText()}";
        }

        if (recorded.ValueKind != actual.ValueKind)
        {
            return $"{path}: recorded {recorded.ValueKind} {Short(recorded)} but got {actual.ValueKind} {Short(actual)}";
        }

        switch (recorded.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in recorded.EnumerateObject())
                {
                    if (!actual.TryGetProperty(property.Name, out JsonElement value))
                    {
                        if (property.Value.ValueKind == JsonValueKind.Null && s_clientAddedKeys.Contains(property.Name))
                        {
                            continue;
                        }

                        return $"{path}.{property.Name}: recorded but missing";
                    }

                    if (Difference(property.Value, value, $"{path}.{property.Name}") is { } difference)
                    {
                        return difference;
                    }
                }

                foreach (JsonProperty property in actual.EnumerateObject())
                {
                    if (!recorded.TryGetProperty(property.Name, out _))
                    {
                        return $"{path}.{property.Name}: sent but not recorded";
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (recorded.GetArrayLength() != actual.GetArrayLength())
                {
                    return $"{path}: recorded {recorded.GetArrayLength()} items but got {actual.GetArrayLength()}";
                }

                for (int i = 0; i < recorded.GetArrayLength(); i++)
                {
                    if (Difference(recorded[i], actual[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValueKind.String:
                return recorded.GetString() == actual.GetString() ? null : $"{path}: recorded {Short(recorded)} but got {Short(actual)}";
            default:
                return null;
        }
    }

    private static string Short(JsonElement element)
    {
        string text = element.GetRawText();
        return text.Length > 120 ? text[..120] + "…" : text;
    }
}
