// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Internal;

namespace Tgi.Sdk.Streaming;

/// <summary>
/// The error an SSE event may carry instead of data, read the same way on every route: TGI sends
/// <c>{"error":{"message","http_status_code"}}</c> (OpenAI-style routes, ≥2.4.1) or <c>{"error":"…","error_type":"…"}</c>
/// (<c>/generate_stream</c>, and chat before 2.4.1) in an HTTP 200 stream.
/// </summary>
internal struct InBandError
{
    /// <summary>Whether the event carried an <c>error</c> field.</summary>
    public bool IsPresent;

    /// <summary>The message.</summary>
    public string? Message;

    /// <summary>TGI's <c>error_type</c>, when sent.</summary>
    public string? Type;

    /// <summary>The HTTP status TGI gave the error, when sent.</summary>
    public int? Status;

    /// <summary>Reads the property the reader is on if it is <c>error</c> or <c>error_type</c>.</summary>
    /// <param name="reader">A reader positioned on a top-level property name.</param>
    /// <returns>False when the property is neither (the reader has not moved).</returns>
    public bool TryReadProperty(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("error"u8))
        {
            JsonReading.MoveToValue(ref reader);
            JsonReading.ReadError(ref reader, out Message, out Status, out string? type);
            Type ??= type;
            IsPresent = true;
        }
        else if (reader.ValueTextEquals("error_type"u8))
        {
            JsonReading.MoveToValue(ref reader);
            Type = reader.TokenType == JsonTokenType.String ? TgiErrors.TextOf(ref reader) : JsonReading.ReadNullableString(ref reader);
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>Throws the error as a <see cref="TgiException"/>, if the event carried one.</summary>
    /// <param name="data">The event's bytes, kept as the exception's raw body.</param>
    public readonly void ThrowIfPresent(ReadOnlySpan<byte> data)
    {
        if (IsPresent)
        {
            ThrowHelper.ThrowInBandError(TgiErrors.FromEvent(Message, Type, Status, data));
        }
    }
}
