// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;

namespace Tgi.Sdk.Testing;

/// <summary>FNV-1a, so the same text gives the same ids and tokens in every process (string hashes are randomized).</summary>
internal static class StableHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static uint Of(string text) => Of(text, OffsetBasis);

    public static uint Of(string text, uint seed)
    {
        uint hash = seed;
        Span<byte> buffer = stackalloc byte[4];
        foreach (Rune rune in text.EnumerateRunes())
        {
            int written = rune.EncodeToUtf8(buffer);
            for (int i = 0; i < written; i++)
            {
                hash = (hash ^ buffer[i]) * Prime;
            }
        }

        return hash;
    }

    public static uint Mix(uint hash, ulong value)
    {
        for (int i = 0; i < 8; i++)
        {
            hash = (hash ^ (byte)(value >> (i * 8))) * Prime;
        }

        return hash;
    }
}
