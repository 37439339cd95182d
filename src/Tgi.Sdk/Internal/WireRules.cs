// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Buffers;
using System.Text.Json;
using Models = Tgi.Generated.Models;

namespace Tgi.Sdk.Internal;

/// <summary>The request rules every TGI route shares (generate, chat, completions), kept in one place.</summary>
internal static class WireRules
{
    /// <summary>Whether <c>top_p</c> is sent at all.</summary>
    /// <remarks>
    /// TGI: top_p must be in (0, 1) exclusive, so 1.0 is a 422 (or a stream error); omitting it means "no nucleus
    /// filtering", which is exactly what 1.0 asks for.
    /// </remarks>
    public static bool SendsTopP(float? topP) => topP is { } p && p != 1.0f;

    /// <summary>The <c>top_p</c> to send: null (not sent) when unset or 1.0.</summary>
    public static float? TopP(float? topP) => SendsTopP(topP) ? topP : null;

    /// <summary>The <c>stop</c> array to send: null (not sent) when it has no entries.</summary>
    /// <remarks>TGI: <c>"stop": null</c> and a bare string are 422s; an empty list is the default.</remarks>
    public static List<string>? Stop(IList<string> stopSequences) => stopSequences.Count == 0 ? null : [.. stopSequences];

    /// <summary>Builds the generated grammar model (<c>{"type", "value"}</c>) from the facade's grammar.</summary>
    /// <remarks>The grammar writes its own wire form (the value key and shape differ by kind); the generated model reads it back.</remarks>
    public static Models.GrammarType Grammar(TgiGrammar grammar)
    {
        ArrayBufferWriter<byte> buffer = new(128);
        using (Utf8JsonWriter writer = new(buffer))
        {
            grammar.WriteTo(writer);
        }

        // Kiota's untyped nodes keep reading the element until the request is serialized, so it must own its memory.
        Utf8JsonReader reader = new(buffer.WrittenSpan);
        return KiotaBridge.Parse(JsonElement.ParseValue(ref reader), Models.GrammarType.CreateFromDiscriminatorValue);
    }
}
