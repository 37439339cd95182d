// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Internal;

/// <summary>
/// An append-only store for the unescaped UTF-8 text of a stream's tokens. Updates keep a slice of it and decode a
/// string only when the caller reads the text; the slices stay valid after the stream moves on (the chunks belong
/// to the GC, not to a pool), so updates can be kept and read later.
/// </summary>
/// <remarks>
/// Cost: the token's bytes, amortized over 4 KiB chunks (a few bytes per token), instead of a string per token. The
/// first chunks are smaller (256 B, doubling up to 4 KiB), so an open stream that has sent a few tokens holds little.
/// </remarks>
internal sealed class Utf8Arena
{
    private const int FirstChunkSize = 256;
    private const int ChunkSize = 4096;

    private byte[] _chunk = [];
    private int _used;

    /// <summary>Copies UTF-8 bytes that need no unescaping into the arena.</summary>
    /// <param name="text">The bytes.</param>
    /// <returns>The copy.</returns>
    public ReadOnlyMemory<byte> Add(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (_chunk.Length - _used < text.Length)
        {
            NewChunk(text.Length);
        }

        text.CopyTo(_chunk.AsSpan(_used));
        ReadOnlyMemory<byte> copy = new(_chunk, _used, text.Length);
        _used += text.Length;
        return copy;
    }

    /// <summary>Copies the current JSON string (unescaped) into the arena.</summary>
    /// <param name="reader">A reader positioned on a String token.</param>
    /// <returns>The text's UTF-8 bytes.</returns>
    public ReadOnlyMemory<byte> Add(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected a string.");
        }

        int max = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (max == 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (_chunk.Length - _used < max)
        {
            NewChunk(max);
        }

        int written = reader.CopyString(_chunk.AsSpan(_used));
        ReadOnlyMemory<byte> text = new(_chunk, _used, written);
        _used += written;
        return text;
    }

    private void NewChunk(int needed)
    {
        // The chunk being left stays alive as long as the updates that point into it.
        int size = _chunk.Length == 0 ? FirstChunkSize : Math.Min(_chunk.Length * 2, ChunkSize);
        _chunk = new byte[Math.Max(size, needed)];
        _used = 0;
    }
}
