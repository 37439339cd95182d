// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Internal;

/// <summary>The request-writing rules every TGI route shares (generate, chat, completions), kept in one place.</summary>
internal static class WireRules
{
    /// <summary>Whether <c>top_p</c> is sent at all.</summary>
    /// <remarks>
    /// TGI: top_p must be in (0, 1) exclusive, so 1.0 is a 422 (or a stream error); omitting it means "no nucleus
    /// filtering", which is exactly what 1.0 asks for (API.md §2.3, §5.1, §11.4).
    /// </remarks>
    public static bool SendsTopP(float? topP) => topP is { } p && p != 1.0f;

    /// <summary>Writes <c>top_p</c> unless it is unset or 1.0.</summary>
    public static void WriteTopP(Utf8JsonWriter w, float? topP)
    {
        if (SendsTopP(topP))
        {
            w.WriteNumber("top_p"u8, topP!.Value);
        }
    }

    /// <summary>Writes <c>stop</c> as an array, and only when it has entries.</summary>
    /// <remarks>TGI: <c>"stop": null</c> and a bare string are 422s (API.md §2.2); an empty list is the default.</remarks>
    public static void WriteStop(Utf8JsonWriter w, IList<string> stopSequences)
    {
        if (stopSequences.Count == 0)
        {
            return;
        }

        w.WriteStartArray("stop"u8);
        foreach (string stop in stopSequences)
        {
            w.WriteStringValue(stop);
        }

        w.WriteEndArray();
    }
}
