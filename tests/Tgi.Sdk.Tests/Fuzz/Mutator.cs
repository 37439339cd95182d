// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;

namespace Tgi.Sdk.Tests.Fuzz;

/// <summary>
/// Turns a seed answer and a list of random words (from CsCheck, so a failure shrinks and reproduces from its seed)
/// into a mutated answer: byte flips, cuts, duplications and splices, and JSON-aware swaps of a number, a string or a
/// literal for a hostile one (numbers JSON forbids or no .NET type holds, lone surrogates, invalid UTF-8).
/// </summary>
internal static class Mutator
{
    private static readonly byte[][] s_hostileValues =
    [
        .. new[]
        {
            "1e308", "-1e308", "1e400", "NaN", "Infinity", "-Infinity", "007", "+5", ".5", "-0", "2147483648", "-2147483649",
            "9223372036854775808", "18446744073709551616", "99999999999999999999", "1.5", "0", "-1", "null", "true", "{}", "[]",
            "\"\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\u00\"", "\"a\\\"b\"", "{\"a\":[{}]}", "[[[[[[]]]]]]", "\"[DONE]\"",
            "\"validation\"", "\"no_tool\"", "\"tools\"", "\"notify_error\"", "\"stop\"", "\"length\"", "\"eos_token\"",
        }.Select(Encoding.UTF8.GetBytes),
        [(byte)'"', 0xFF, 0xFE, (byte)'"'],
        [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"'],
        [(byte)'"', 0xC3, (byte)'"'],
    ];

    private static readonly byte[][] s_hostileBytes =
    [
        "\n"u8.ToArray(), "\r"u8.ToArray(), "\r\n"u8.ToArray(), "\n\n"u8.ToArray(), "data:"u8.ToArray(), "data: [DONE]\n\n"u8.ToArray(),
        ": keep-alive\n\n"u8.ToArray(), "event: error\n"u8.ToArray(), "\\"u8.ToArray(), "\""u8.ToArray(), ","u8.ToArray(), "{"u8.ToArray(),
        "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), " "u8.ToArray(), [0], [0xEF, 0xBB, 0xBF], [0xFF],
    ];

    /// <summary>Applies the mutations the words describe.</summary>
    /// <param name="seed">The seed answer.</param>
    /// <param name="other">Another seed, for splices.</param>
    /// <param name="words">The random words; each one is one mutation.</param>
    /// <returns>The mutated bytes.</returns>
    public static byte[] Mutate(byte[] seed, byte[] other, uint[] words)
    {
        List<byte> d = [.. seed];
        foreach (uint w in words)
        {
            int op = (int)(w % 11);
            int at = d.Count == 0 ? 0 : (int)((w >> 4) % (uint)d.Count);
            switch (op)
            {
                case 0 when d.Count > 0:
                    d[at] ^= (byte)(1 << (int)((w >> 28) & 7));
                    break;
                case 1 when d.Count > 0:
                    d.RemoveRange(at, Math.Min(1 + (int)((w >> 24) & 15), d.Count - at));
                    break;
                case 2:
                    d.InsertRange(at, s_hostileBytes[(int)((w >> 24) % (uint)s_hostileBytes.Length)]);
                    break;
                case 3 when d.Count > 0:
                    d.RemoveRange(at, d.Count - at);
                    break;
                case 4 when d.Count > 0:
                    int length = Math.Min(1 + (int)((w >> 24) & 63), d.Count - at);
                    d.InsertRange(at, d.GetRange(at, length));
                    break;
                case 5 when other.Length > 0:
                    int from = (int)((w >> 8) % (uint)other.Length);
                    d.InsertRange(at, other.AsSpan(from, Math.Min(1 + (int)((w >> 24) & 127), other.Length - from)).ToArray());
                    break;
                case 6 or 7 or 8:
                    SwapValue(d, w);
                    break;
                case 9 when d.Count > 0:
                    d[at] = (byte)(w >> 24);
                    break;
                default:
                    SwapValue(d, w);
                    break;
            }
        }

        return [.. d];
    }

    /// <summary>Replaces the JSON value after the n-th colon (or in the n-th array slot) with a hostile one.</summary>
    private static void SwapValue(List<byte> d, uint w)
    {
        List<int> starts = [];
        for (int i = 0; i < d.Count; i++)
        {
            if (d[i] is (byte)':' or (byte)'[')
            {
                starts.Add(i + 1);
            }
        }

        if (starts.Count == 0)
        {
            return;
        }

        int start = starts[(int)((w >> 4) % (uint)starts.Count)];
        while (start < d.Count && d[start] == (byte)' ')
        {
            start++;
        }

        int end = ValueEnd(d, start);
        byte[] value = s_hostileValues[(int)((w >> 20) % (uint)s_hostileValues.Length)];
        d.RemoveRange(start, end - start);
        d.InsertRange(start, value);
    }

    /// <summary>The end of a scalar (string, number or literal) starting at <paramref name="start"/>; containers are replaced whole only when empty.</summary>
    private static int ValueEnd(List<byte> d, int start)
    {
        if (start >= d.Count)
        {
            return start;
        }

        if (d[start] == (byte)'"')
        {
            int i = start + 1;
            while (i < d.Count && d[i] != (byte)'"')
            {
                i += d[i] == (byte)'\\' ? 2 : 1;
            }

            return Math.Min(i + 1, d.Count);
        }

        int j = start;
        while (j < d.Count && d[j] is not ((byte)',' or (byte)'}' or (byte)']' or (byte)'\n' or (byte)'{' or (byte)'['))
        {
            j++;
        }

        return j;
    }
}
