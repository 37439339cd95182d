// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using Tgi.Sdk.Internal;

namespace Tgi.Sdk.Streaming;

/// <summary>
/// The byte-level pieces the fast paths (<see cref="FastTokenEvent"/>, <see cref="FastChatChunk"/>) match events with.
/// Each one accepts only what <see cref="Utf8JsonReader"/> would accept with the same meaning, and otherwise says no,
/// so the caller falls back to the reader and reports exactly what the reader reports.
/// </summary>
internal static class FastJson
{
    // What ends the plain run of a JSON string: the closing quote, an escape, or a control character (which JSON
    // forbids unescaped, and the reader rejects).
    private static readonly SearchValues<byte> s_stringStops = SearchValues.Create(
        [
            0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
            0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F,
            (byte)'"', (byte)'\\',
        ]);

    /// <summary>Consumes <paramref name="literal"/> if <paramref name="d"/> starts with it.</summary>
    /// <param name="d">The remaining bytes.</param>
    /// <param name="literal">The bytes expected next.</param>
    /// <returns>Whether they matched.</returns>
    public static bool Skip(ref ReadOnlySpan<byte> d, ReadOnlySpan<byte> literal)
    {
        if (!d.StartsWith(literal))
        {
            return false;
        }

        d = d[literal.Length..];
        return true;
    }

    /// <summary>Consumes a JSON string, quotes included.</summary>
    /// <param name="d">The remaining bytes, which must start with the opening quote.</param>
    /// <param name="quoted">The string as written, quotes included (escapes not undone).</param>
    /// <param name="escaped">Whether it holds escape sequences.</param>
    /// <returns>False when no string starts here, or for a control character or an unterminated string.</returns>
    public static bool TryScanString(scoped ref ReadOnlySpan<byte> d, out ReadOnlySpan<byte> quoted, out bool escaped)
    {
        quoted = default;
        escaped = false;
        if (d.IsEmpty || d[0] != (byte)'"')
        {
            return false;
        }

        int i = 1;
        while (true)
        {
            int stop = d[i..].IndexOfAny(s_stringStops);
            if (stop < 0)
            {
                return false;
            }

            i += stop;
            byte b = d[i];
            if (b == (byte)'"')
            {
                break;
            }

            if (b != (byte)'\\')
            {
                return false;
            }

            // An escape: skip the backslash and the escaped byte (\uXXXX digits hold no quote or backslash; a bad
            // escape is caught when the reader unescapes it).
            escaped = true;
            i += 2;
            if (i >= d.Length)
            {
                return false;
            }
        }

        quoted = d[..(i + 1)];
        d = d[(i + 1)..];
        return true;
    }

    /// <summary>
    /// Consumes a non-negative JSON integer of at most 18 digits (so it fits a <see cref="long"/>), with no sign,
    /// fraction, exponent or leading zero.
    /// </summary>
    /// <param name="d">The remaining bytes.</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether a number in that form was there.</returns>
    public static bool TryParseInteger(ref ReadOnlySpan<byte> d, out long value)
    {
        value = 0;
        int i = 0;
        while (i < d.Length && i < 19 && (uint)(d[i] - '0') <= 9)
        {
            value = (value * 10) + (d[i] - '0');
            i++;
        }

        // A fraction or exponent after the digits is left for the caller's next literal to refuse.
        if (i == 0 || i > 18 || (i > 1 && d[0] == (byte)'0'))
        {
            return false;
        }

        d = d[i..];
        return true;
    }

    /// <summary>
    /// Consumes a JSON integer that fits an <see cref="int"/>: an optional minus, then 0 or digits with no leading zero.
    /// A sign, a leading zero, a fraction or an exponent is refused, as <see cref="Utf8JsonReader.GetInt32"/> refuses
    /// it (<see cref="System.Buffers.Text.Utf8Parser"/> alone accepts <c>+5</c> and <c>007</c>).
    /// </summary>
    /// <param name="d">The remaining bytes.</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether an integer in that form was there; the caller's next literal refuses a fraction or exponent.</returns>
    public static bool TryParseInt32(ref ReadOnlySpan<byte> d, out int value)
    {
        value = 0;
        int i = d.Length > 0 && d[0] == (byte)'-' ? 1 : 0;
        int first = i;
        long magnitude = 0;
        while (i < d.Length && (uint)(d[i] - '0') <= 9)
        {
            magnitude = (magnitude * 10) + (d[i] - '0');
            i++;
            if (i - first > 10)
            {
                return false;
            }
        }

        int digits = i - first;
        if (digits == 0 || (digits > 1 && d[first] == (byte)'0'))
        {
            return false;
        }

        long signed = first == 1 ? -magnitude : magnitude;
        if (signed is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        value = (int)signed;
        d = d[i..];
        return true;
    }

    /// <summary>
    /// Consumes a JSON number as a finite <see cref="float"/>, accepting exactly the JSON number grammar
    /// (<c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>) and giving the value <see cref="Utf8JsonReader.GetSingle"/>
    /// gives. <c>NaN</c>, <c>Infinity</c>, <c>+5</c>, <c>.5</c>, <c>007</c> and a number beyond float's range are
    /// refused, as the reader refuses them.
    /// </summary>
    /// <param name="d">The remaining bytes.</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether such a number was there.</returns>
    public static bool TryParseSingle(ref ReadOnlySpan<byte> d, out float value)
    {
        value = 0;
        int i = d.Length > 0 && d[0] == (byte)'-' ? 1 : 0;
        int intStart = i;
        while (i < d.Length && (uint)(d[i] - '0') <= 9)
        {
            i++;
        }

        if (i == intStart || (i - intStart > 1 && d[intStart] == (byte)'0'))
        {
            return false;
        }

        if (i < d.Length && d[i] == (byte)'.')
        {
            int fractionStart = ++i;
            while (i < d.Length && (uint)(d[i] - '0') <= 9)
            {
                i++;
            }

            if (i == fractionStart)
            {
                return false;
            }
        }

        bool exponent = false;
        if (i < d.Length && (d[i] | 0x20) == (byte)'e')
        {
            exponent = true;
            i++;
            if (i < d.Length && (d[i] == (byte)'+' || d[i] == (byte)'-'))
            {
                i++;
            }

            int exponentStart = i;
            while (i < d.Length && (uint)(d[i] - '0') <= 9)
            {
                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }
        }

        // The reader parses with the same parser and format ('e' when there is an exponent), and refuses a result
        // that is not finite.
        if (!System.Buffers.Text.Utf8Parser.TryParse(d[..i], out float parsed, out int consumed, exponent ? 'e' : default)
            || consumed != i
            || !float.IsFinite(parsed))
        {
            return false;
        }

        value = parsed;
        d = d[i..];
        return true;
    }

    /// <summary>
    /// Copies a JSON string's text into the arena, unescaped, exactly as <see cref="Utf8Arena.Add(ref Utf8JsonReader)"/>
    /// would from a reader on the same string.
    /// </summary>
    /// <param name="arena">The arena.</param>
    /// <param name="quoted">The string as written, quotes included.</param>
    /// <param name="escaped">Whether it holds escape sequences.</param>
    /// <param name="text">The unescaped UTF-8 text.</param>
    /// <returns>False when the text is not valid UTF-8 (or unescapes to invalid UTF-16), which the reader rejects.</returns>
    public static bool TryAddString(Utf8Arena arena, ReadOnlySpan<byte> quoted, bool escaped, out ReadOnlyMemory<byte> text)
    {
        text = default;
        if (!escaped)
        {
            // The reader refuses invalid UTF-8 when it copies a string, so the fast path must too, to give the same answer.
            ReadOnlySpan<byte> value = quoted[1..^1];
            if (!Utf8.IsValid(value))
            {
                return false;
            }

            text = arena.Add(value);
            return true;
        }

        // Rare (quotes, newlines, backslashes): the reader undoes the escapes.
        try
        {
            Utf8JsonReader reader = new(quoted);
            reader.Read();
            text = arena.Add(ref reader);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
