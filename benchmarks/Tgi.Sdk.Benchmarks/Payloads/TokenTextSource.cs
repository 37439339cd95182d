// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Benchmarks.Payloads;

/// <summary>
/// A deterministic stream of token texts that looks like a real model's output: word pieces with leading spaces,
/// punctuation, quotes and newlines (escaped on the wire), digits and non-ASCII text (é, 日本, €).
/// </summary>
internal static class TokenTextSource
{
    // Weighted like English BPE output: mostly " word" pieces, some suffixes, a little punctuation and markup.
    private static readonly string[] s_pieces =
    [
        " The", " model", " gener", "ates", " text", " one", " token", " at", " a", " time", ",", ".",
        " and", " the", " server", " streams", " each", " piece", " as", " an", " event", " in", " real", "-time",
        " café", " naïve", " résumé", " é", "t", "é", " 日本", "語", "の", "テキスト", " €", "5", "0", "€",
        "\"", " \"", "quoted", "\".", "\n", "\n\n", "-", " *", "*", ":", ";", "!", "?", " (", ")", "'s",
        " 1", "2", "3", ".", " tab\t", "\\", "/", " Über", "straße", " ñ", "—", " 🙂",
    ];

    /// <summary>Returns the text of token number <paramref name="index"/> (0-based); the same index always gives the same text.</summary>
    public static string Piece(int index)
    {
        // A fixed multiplicative hash: deterministic across runs and machines, no shared Random state.
        uint h = unchecked((uint)(index + 1) * 2654435761u);
        h ^= h >> 15;
        return s_pieces[h % (uint)s_pieces.Length];
    }

    /// <summary>A token id for the piece, stable per text like a tokenizer's vocabulary.</summary>
    public static int Id(int index)
    {
        uint h = unchecked((uint)(index + 1) * 2654435761u);
        h ^= h >> 15;
        return 1000 + (int)(h % (uint)s_pieces.Length) * 37;
    }

    /// <summary>A plausible log probability, printed the way serde_json prints an f32.</summary>
    public static float Logprob(int index) => -((index * 7919) % 4000) / 1000f - 0.0625f;
}
