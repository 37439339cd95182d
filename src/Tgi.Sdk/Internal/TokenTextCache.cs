// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Tgi.Sdk.Internal;

/// <summary>
/// A cache of short decoded token texts; <see cref="Shared"/> is the process-wide one the update types read through. A model's output is drawn from a fixed vocabulary, so the same
/// few thousand pieces (<c>" the"</c>, <c>","</c>, <c>"\n"</c>) come back on every stream: decoding each one again
/// would allocate a string per token, while a hit here allocates nothing.
/// </summary>
/// <remarks>
/// <para>Shape: a direct-mapped table of <see cref="DefaultSlotCount"/> slots, indexed by a hash of the UTF-8 bytes. A slot
/// holds an immutable entry (the bytes and their string); a hit is a byte comparison, a miss decodes and replaces the
/// slot. Texts longer than <see cref="MaxBytes"/> are decoded directly (they are rare, and rarely repeat).</para>
/// <para>Memory: at most <see cref="DefaultSlotCount"/> entries of at most <see cref="MaxBytes"/> bytes, so the cache is
/// bounded at about 4096 × (32 + 64 + 80) B ≈ 700 KiB in the worst case, and about 300 KiB for typical token pieces
/// (under 8 bytes). Nothing is ever evicted except by a colliding text.</para>
/// <para>Threads: lock-free. Entries never change after they are published, so a reader sees either the old entry or
/// the new one, both complete; two threads missing on the same slot each decode and the last write wins, which only
/// costs a later miss. A returned string is always the decoding of the caller's own bytes.</para>
/// </remarks>
internal sealed class TokenTextCache
{
    /// <summary>The longest text, in UTF-8 bytes, that is cached.</summary>
    public const int MaxBytes = 32;

    /// <summary>The number of slots of <see cref="Shared"/>.</summary>
    public const int DefaultSlotCount = 4096;

    private readonly Entry?[] _slots;
    private readonly int _shift;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="slotCount">The number of slots, a power of two of at least 2 (tests use small ones to force collisions).</param>
    public TokenTextCache(int slotCount = DefaultSlotCount)
    {
        if (slotCount < 2 || !BitOperations.IsPow2(slotCount))
        {
            throw new ArgumentOutOfRangeException(nameof(slotCount), slotCount, "The slot count must be a power of two of at least 2.");
        }

        _slots = new Entry?[slotCount];
        _shift = 64 - BitOperations.Log2((uint)slotCount);
    }

    /// <summary>Gets the process-wide cache.</summary>
    public static TokenTextCache Shared { get; } = new();

    /// <summary>Decodes UTF-8 text, returning the cached string when the same short text was decoded before.</summary>
    /// <param name="utf8">The text (valid UTF-8; invalid sequences decode to U+FFFD as with <see cref="Encoding.UTF8"/>).</param>
    /// <returns>The decoded string.</returns>
    public string GetString(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (utf8.Length > MaxBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        ref Entry? slot = ref _slots[(int)(Hash(utf8) >> _shift)];
        Entry? entry = Volatile.Read(ref slot);
        if (entry is not null && utf8.SequenceEqual(entry.Utf8))
        {
            return entry.Text;
        }

        string text = Encoding.UTF8.GetString(utf8);

        // Release semantics: a thread that reads the new reference sees the entry's fields filled in.
        Volatile.Write(ref slot, new Entry(utf8.ToArray(), text));
        return text;
    }

    /// <summary>Hashes 1 to <see cref="MaxBytes"/> bytes.</summary>
    /// <param name="s">The bytes.</param>
    /// <returns>The hash; its top bits pick the slot.</returns>
    internal static ulong Hash(ReadOnlySpan<byte> s)
    {
        // A few overlapping word reads cover every byte of a short text (no loop), then a multiply-xorshift mix;
        // the top bits of a 64-bit multiply depend on every input bit, so the slot comes from them.
        int n = s.Length;
        ulong h = (ulong)n * 0x9E3779B97F4A7C15UL;
        if (n >= 8)
        {
            h = Mix(h, BinaryPrimitives.ReadUInt64LittleEndian(s));
            h = Mix(h, BinaryPrimitives.ReadUInt64LittleEndian(s[(n - 8)..]));
            if (n > 16)
            {
                h = Mix(h, BinaryPrimitives.ReadUInt64LittleEndian(s[8..]));
                h = Mix(h, BinaryPrimitives.ReadUInt64LittleEndian(s[(n - 16)..]));
            }
        }
        else if (n >= 4)
        {
            ulong a = BinaryPrimitives.ReadUInt32LittleEndian(s);
            ulong b = BinaryPrimitives.ReadUInt32LittleEndian(s[(n - 4)..]);
            h = Mix(h, (a << 32) | b);
        }
        else
        {
            h = Mix(h, s[0] | ((ulong)s[n >> 1] << 8) | ((ulong)s[n - 1] << 16));
        }

        return h;
    }

    private static ulong Mix(ulong h, ulong value)
    {
        h = (h ^ value) * 0xBF58476D1CE4E5B9UL;
        return h ^ (h >> 31);
    }

    /// <summary>One cached text: immutable once published.</summary>
    private sealed class Entry(byte[] utf8, string text)
    {
        public byte[] Utf8 { get; } = utf8;

        public string Text { get; } = text;
    }
}
