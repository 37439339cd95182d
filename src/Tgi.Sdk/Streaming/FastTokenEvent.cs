// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Streaming;

/// <summary>
/// The fast path for the most common <c>/generate_stream</c> event: a plain token event in TGI's exact serde layout,
/// matched byte by byte with no JSON tokenizer. Anything else (the last event, top tokens, errors, another key
/// order or number format) falls back to the <see cref="System.Text.Json.Utf8JsonReader"/> path. Numbers are read by
/// JSON's grammar, not <see cref="System.Buffers.Text.Utf8Parser"/>'s looser one, so both paths give the same answer.
/// </summary>
/// <remarks>
/// TGI: serde writes <c>{"index":N,"token":{"id":N,"text":"…","logprob":F|null,"special":B},"generated_text":null,"details":null}</c>
/// in that key order, compact, from 1.4 to 3.3 (checked against responses recorded from TGI 1.4).
/// </remarks>
internal ref struct FastTokenEvent
{
    /// <summary>The 1-based index.</summary>
    public int Index;

    /// <summary>The token id.</summary>
    public int Id;

    /// <summary>The text's JSON string content (still escaped when <see cref="TextEscaped"/>), without the quotes.</summary>
    public ReadOnlySpan<byte> Text;

    /// <summary>The text including its quotes, for unescaping with a JSON reader.</summary>
    public ReadOnlySpan<byte> QuotedText;

    /// <summary>Whether the text contains escape sequences.</summary>
    public bool TextEscaped;

    /// <summary>The log-probability.</summary>
    public float? Logprob;

    /// <summary>Whether the token is special.</summary>
    public bool Special;

    /// <summary>Tries to match a plain token event.</summary>
    /// <param name="data">The event data.</param>
    /// <param name="e">The fields, when matched.</param>
    /// <returns><see langword="true"/> if the event has exactly the expected layout.</returns>
    public static bool TryParse(ReadOnlySpan<byte> data, out FastTokenEvent e)
    {
        e = default;
        ReadOnlySpan<byte> d = data;
        if (!FastJson.Skip(ref d, "{\"index\":"u8) || !FastJson.TryParseInt32(ref d, out e.Index))
        {
            return false;
        }

        if (!FastJson.Skip(ref d, ",\"token\":{\"id\":"u8) || !FastJson.TryParseInt32(ref d, out e.Id))
        {
            return false;
        }

        if (!FastJson.Skip(ref d, ",\"text\":"u8) || !FastJson.TryScanString(ref d, out e.QuotedText, out e.TextEscaped))
        {
            return false;
        }

        e.Text = e.QuotedText[1..^1];
        if (!FastJson.Skip(ref d, ",\"logprob\":"u8))
        {
            return false;
        }

        if (FastJson.Skip(ref d, "null"u8))
        {
            e.Logprob = null;
        }
        else
        {
            if (!FastJson.TryParseSingle(ref d, out float logprob))
            {
                return false;
            }

            e.Logprob = logprob;
        }

        if (!FastJson.Skip(ref d, ",\"special\":"u8))
        {
            return false;
        }

        if (FastJson.Skip(ref d, "false"u8))
        {
            e.Special = false;
        }
        else if (FastJson.Skip(ref d, "true"u8))
        {
            e.Special = true;
        }
        else
        {
            return false;
        }

        return d.SequenceEqual("},\"generated_text\":null,\"details\":null}"u8);
    }
}
