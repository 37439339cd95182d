// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>
/// Writes JSON strings byte for byte as serde_json does: only <c>"</c>, <c>\</c> and control characters are escaped
/// (<c>\n</c>, <c>\t</c>, ... or <c>\u001b</c> in lower-case hex); everything else, emoji included, stays raw UTF-8.
/// System.Text.Json would escape non-BMP characters and a few others, which TGI never does.
/// </summary>
internal static class SerdeStrings
{
    private const string Hex = "0123456789abcdef";

    public static void Write(Utf8JsonWriter writer, string name, string value)
    {
        writer.WritePropertyName(name);
        WriteValue(writer, value);
    }

    public static void WriteValue(Utf8JsonWriter writer, string value)
    {
        if (IsPlain(value))
        {
            // Printable ASCII without quotes or backslashes: nothing to escape, the writer's fast path is exact.
            writer.WriteStringValue(value);
            return;
        }

        // Worst case: every char a control character written as \u00XX (6 bytes), plus the quotes.
        byte[] rented = ArrayPool<byte>.Shared.Rent((value.Length * 6) + 2);
        try
        {
            int length = Escape(value, rented);
            writer.WriteRawValue(rented.AsSpan(0, length), skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool IsPlain(string value)
    {
        foreach (char c in value)
        {
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\')
            {
                return false;
            }
        }

        return true;
    }

    private static int Escape(string value, byte[] output)
    {
        int at = 0;
        output[at++] = (byte)'"';
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"':
                    at = Put(output, at, "\\\"");
                    continue;
                case '\\':
                    at = Put(output, at, "\\\\");
                    continue;
                case '\n':
                    at = Put(output, at, "\\n");
                    continue;
                case '\r':
                    at = Put(output, at, "\\r");
                    continue;
                case '\t':
                    at = Put(output, at, "\\t");
                    continue;
                case '\b':
                    at = Put(output, at, "\\b");
                    continue;
                case '\f':
                    at = Put(output, at, "\\f");
                    continue;
            }

            if (c < 0x20)
            {
                at = Put(output, at, "\\u00");
                output[at++] = (byte)Hex[c >> 4];
                output[at++] = (byte)Hex[c & 0xF];
                continue;
            }

            if (c < 0x80)
            {
                output[at++] = (byte)c;
                continue;
            }

            // A lone surrogate cannot be UTF-8; serde never sees one (Rust strings are valid UTF-8), so use U+FFFD.
            Rune rune = Rune.TryGetRuneAt(value, i, out Rune decoded) ? decoded : Rune.ReplacementChar;
            int written = rune.EncodeToUtf8(utf8);
            utf8[..written].CopyTo(output.AsSpan(at));
            at += written;
            if (rune.IsBmp is false)
            {
                i++;
            }
        }

        output[at++] = (byte)'"';
        return at;
    }

    private static int Put(byte[] output, int at, string ascii)
    {
        foreach (char c in ascii)
        {
            output[at++] = (byte)c;
        }

        return at;
    }
}
