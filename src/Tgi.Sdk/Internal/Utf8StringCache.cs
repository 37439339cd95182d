// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Tgi.Sdk.Internal;

/// <summary>
/// Remembers the last string read for one field, so a value repeated on every chunk (model, id, fingerprint)
/// is allocated once per stream, not once per chunk.
/// </summary>
internal sealed class Utf8StringCache
{
    private byte[] _bytes = [];
    private string? _value;
    private bool _cacheable;

    /// <summary>Returns the previous string if it was read from exactly these (unescaped) bytes.</summary>
    /// <param name="utf8">A JSON string's raw content, without the quotes.</param>
    /// <param name="value">The cached string, when the bytes match.</param>
    /// <returns>False when nothing is cached or the bytes differ: read the value with <see cref="Read"/> instead.</returns>
    public bool TryReuse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out string? value)
    {
        // The cached bytes hold no escape, so equal bytes are the same string.
        value = _value;
        return _cacheable && utf8.SequenceEqual(_bytes);
    }

    /// <summary>Reads the current string value (or null), reusing the previous string when the bytes match.</summary>
    public string? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected a string.");
        }

        if (_cacheable && !reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual(_bytes))
        {
            return _value;
        }

        _value = reader.GetString();
        _cacheable = !reader.HasValueSequence && !reader.ValueIsEscaped;
        _bytes = _cacheable ? reader.ValueSpan.ToArray() : [];
        return _value;
    }
}
