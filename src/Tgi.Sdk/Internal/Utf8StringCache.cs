// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

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
