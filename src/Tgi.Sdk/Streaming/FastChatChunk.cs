// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Streaming;

/// <summary>
/// The fast path for the most common <c>/v1/chat/completions</c> stream event: a content chunk in TGI's exact serde
/// layout, matched byte by byte with no JSON tokenizer. Anything else (the finish chunk, the usage chunk, tool calls,
/// logprobs, errors, another key order, whitespace, escaped envelope strings) is left to the
/// <see cref="System.Text.Json.Utf8JsonReader"/> path in <see cref="ChatStreamHandler"/>.
/// </summary>
/// <remarks>
/// TGI: serde writes <c>{"object":"chat.completion.chunk","id":"","created":N,"model":"…","system_fingerprint":"…",
/// "choices":[{"index":0,"delta":{"role":"assistant","content":"…"},"logprobs":null,"finish_reason":null}],"usage":null}</c>,
/// compact, in that key order. 2.1–2.2 send no <c>usage</c> key; 1.4–2.0 put <c>id</c> before
/// <c>object</c>, whose value was <c>text_completion</c> before 2.1.0 (as recorded from TGI 1.4).
/// </remarks>
internal ref struct FastChatChunk
{
    /// <summary>The <c>id</c> string's raw bytes (never escaped), without the quotes.</summary>
    public ReadOnlySpan<byte> Id;

    /// <summary>The <c>created</c> time in Unix seconds.</summary>
    public long Created;

    /// <summary>The <c>model</c> string's raw bytes (never escaped), without the quotes.</summary>
    public ReadOnlySpan<byte> Model;

    /// <summary>The <c>system_fingerprint</c> string's raw bytes (never escaped), without the quotes.</summary>
    public ReadOnlySpan<byte> SystemFingerprint;

    /// <summary>The content string as written, quotes included (escapes not undone).</summary>
    public ReadOnlySpan<byte> QuotedContent;

    /// <summary>Whether the content holds escape sequences.</summary>
    public bool ContentEscaped;

    /// <summary>
    /// The length of everything before the content string. Chunks of one stream differ only from there on as long as
    /// the envelope repeats, so the handler compares this prefix as a whole before parsing it field by field.
    /// </summary>
    public int PrefixLength;

    /// <summary>Tries to match a content chunk.</summary>
    /// <param name="data">The event data.</param>
    /// <param name="chunk">The fields, when matched.</param>
    /// <returns><see langword="true"/> if the event has exactly the expected layout.</returns>
    public static bool TryParse(ReadOnlySpan<byte> data, out FastChatChunk chunk)
    {
        chunk = default;
        ReadOnlySpan<byte> d = data;
        if (FastJson.Skip(ref d, "{\"object\":"u8))
        {
            if (!SkipObjectName(ref d) || !FastJson.Skip(ref d, ",\"id\":"u8) || !TryPlainString(ref d, out chunk.Id))
            {
                return false;
            }
        }
        else if (!FastJson.Skip(ref d, "{\"id\":"u8)
            || !TryPlainString(ref d, out chunk.Id)
            || !FastJson.Skip(ref d, ",\"object\":"u8)
            || !SkipObjectName(ref d))
        {
            return false;
        }

        if (!FastJson.Skip(ref d, ",\"created\":"u8)
            || !FastJson.TryParseInteger(ref d, out chunk.Created)
            || !FastJson.Skip(ref d, ",\"model\":"u8)
            || !TryPlainString(ref d, out chunk.Model)
            || !FastJson.Skip(ref d, ",\"system_fingerprint\":"u8)
            || !TryPlainString(ref d, out chunk.SystemFingerprint)
            || !FastJson.Skip(ref d, ",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":"u8))
        {
            return false;
        }

        chunk.PrefixLength = data.Length - d.Length;
        return TryParseContent(d, out chunk.QuotedContent, out chunk.ContentEscaped);
    }

    /// <summary>Tries to match the rest of a content chunk, from the content string on.</summary>
    /// <param name="rest">The bytes after <see cref="PrefixLength"/>.</param>
    /// <param name="quotedContent">The content string as written, quotes included.</param>
    /// <param name="escaped">Whether the content holds escape sequences.</param>
    /// <returns><see langword="true"/> if the rest has exactly the expected layout.</returns>
    public static bool TryParseContent(ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> quotedContent, out bool escaped)
    {
        ReadOnlySpan<byte> d = rest;
        if (!FastJson.TryScanString(ref d, out quotedContent, out escaped)
            || !FastJson.Skip(ref d, "},\"logprobs\":null,\"finish_reason\":null}]"u8))
        {
            return false;
        }

        // TGI: "usage":null on every content chunk since 2.3; no usage key before (API.md §5.3).
        return d.SequenceEqual(",\"usage\":null}"u8) || d.SequenceEqual("}"u8);
    }

    private static bool SkipObjectName(ref ReadOnlySpan<byte> d) =>
        FastJson.Skip(ref d, "\"chat.completion.chunk\""u8) || FastJson.Skip(ref d, "\"text_completion\""u8);

    private static bool TryPlainString(scoped ref ReadOnlySpan<byte> d, out ReadOnlySpan<byte> value)
    {
        // The envelope strings are compared with the stream's cached bytes, which are never escaped.
        if (!FastJson.TryScanString(ref d, out ReadOnlySpan<byte> quoted, out bool escaped) || escaped)
        {
            value = default;
            return false;
        }

        value = quoted[1..^1];
        return true;
    }
}
