// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;

namespace Tgi.Sdk.Testing;

/// <summary>
/// A tiny deterministic tokenizer: a space joins the word after it (<c>" The"</c>), ASCII words are cut into pieces of at
/// most six characters, every punctuation mark and every non-ASCII character is its own token, and template markers
/// (<c>&lt;s&gt;</c>, <c>&lt;/s&gt;</c>, <c>&lt;|user|&gt;</c>) are single special tokens. It stands in for the
/// model's tokenizer so prompt lengths, limits and <c>/tokenize</c> offsets are consistent.
/// </summary>
internal static class EmulatorTokenizer
{
    /// <summary>The begin-of-sequence token TGI adds when it tokenizes a prompt.</summary>
    public const string BosText = "<s>";

    /// <summary>The end-of-sequence token the default model ends with.</summary>
    public const string EosText = "</s>";

    public const int BosId = 1;
    public const int EosId = 2;
    private const int MaxWordPiece = 6;
    private const int VocabularySize = 32000;

    /// <summary>Tokenizes <paramref name="text"/>; with <paramref name="addBos"/> a <c>&lt;s&gt;</c> at offsets 0..0 comes first (TGI adds special tokens).</summary>
    public static List<TokenSpan> Tokenize(string text, bool addBos)
    {
        var tokens = new List<TokenSpan>(text.Length / 3 + 2);
        if (addBos)
        {
            tokens.Add(new TokenSpan(BosId, BosText, 0, 0, Special: true));
        }

        int i = 0;
        int byteOffset = 0;
        while (i < text.Length)
        {
            int length = NextTokenLength(text, i);
            string piece = text.Substring(i, length);
            int bytes = Encoding.UTF8.GetByteCount(piece);
            bool special = SpecialMarkerLength(text, i) > 0;
            int id = piece switch
            {
                BosText => BosId,
                EosText => EosId,
                _ => IdOf(piece),
            };
            tokens.Add(new TokenSpan(id, piece, byteOffset, byteOffset + bytes, special));
            byteOffset += bytes;
            i += length;
        }

        return tokens;
    }

    /// <summary>Counts tokens without building them (prompt lengths on every request).</summary>
    public static int Count(string text, bool addBos)
    {
        int count = addBos ? 1 : 0;
        int i = 0;
        while (i < text.Length)
        {
            i += NextTokenLength(text, i);
            count++;
        }

        return count;
    }

    /// <summary>A stable id for a token text (FNV-1a over UTF-8; string.GetHashCode is randomized per process).</summary>
    public static int IdOf(string text)
    {
        uint hash = StableHash.Of(text);
        return 3 + (int)(hash % (VocabularySize - 3));
    }

    /// <summary>Length of a special marker at <paramref name="start"/> (<c>&lt;s&gt;</c>, <c>&lt;/s&gt;</c>, <c>&lt;|name|&gt;</c>), or 0.</summary>
    private static int SpecialMarkerLength(string text, int start)
    {
        if (text[start] != '<')
        {
            return 0;
        }

        ReadOnlySpan<char> rest = text.AsSpan(start);
        if (rest.StartsWith(BosText, StringComparison.Ordinal))
        {
            return BosText.Length;
        }

        if (rest.StartsWith(EosText, StringComparison.Ordinal))
        {
            return EosText.Length;
        }

        if (rest.Length > 4 && rest[1] == '|')
        {
            int close = rest[2..].IndexOf("|>", StringComparison.Ordinal);
            if (close > 0 && !rest[2..(2 + close)].ContainsAny(" \n<>"))
            {
                return close + 4;
            }
        }

        return 0;
    }

    private static int NextTokenLength(string text, int start)
    {
        int marker = SpecialMarkerLength(text, start);
        if (marker > 0)
        {
            return marker;
        }

        char c = text[start];
        if (c == ' ' && start + 1 < text.Length && IsWordChar(text[start + 1]))
        {
            return 1 + WordLength(text, start + 1);
        }

        if (IsWordChar(c))
        {
            return WordLength(text, start);
        }

        if (c == '\n')
        {
            int end = start;
            while (end < text.Length && text[end] == '\n')
            {
                end++;
            }

            return end - start;
        }

        if (c is ' ' or '\t' or '\r')
        {
            int end = start + 1;
            while (end < text.Length && text[end] is ' ' or '\t' or '\r')
            {
                // A space right before a word belongs to that word.
                if (text[end] == ' ' && end + 1 < text.Length && IsWordChar(text[end + 1]))
                {
                    break;
                }

                end++;
            }

            return end - start;
        }

        // Non-ASCII: one code point per token, keeping surrogate pairs together.
        return char.IsHighSurrogate(c) && start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]) ? 2 : 1;
    }

    private static int WordLength(string text, int start)
    {
        int end = start;
        while (end < text.Length && end - start < MaxWordPiece && IsWordChar(text[end]))
        {
            end++;
        }

        return end - start;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
