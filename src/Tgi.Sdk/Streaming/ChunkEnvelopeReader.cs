// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Internal;

namespace Tgi.Sdk.Streaming;

/// <summary>
/// Reads the shared top-level fields of OpenAI-style chunks into a <see cref="ChunkEnvelope"/>. One per stream: its
/// caches turn the id, model and fingerprint, which repeat on every chunk, into one string each per stream.
/// </summary>
internal sealed class ChunkEnvelopeReader
{
    private readonly Utf8StringCache _id = new();
    private readonly Utf8StringCache _model = new();
    private readonly Utf8StringCache _fingerprint = new();

    /// <summary>
    /// Returns the strings of the previous chunk when this chunk's raw id, model and fingerprint bytes are the same
    /// (the byte-level fast path; any difference goes through the reader, which refreshes the caches).
    /// </summary>
    /// <param name="id">The raw id bytes.</param>
    /// <param name="model">The raw model bytes.</param>
    /// <param name="fingerprint">The raw system fingerprint bytes.</param>
    /// <param name="envelope">Receives the strings.</param>
    /// <returns>Whether all three matched.</returns>
    public bool TryReuse(ReadOnlySpan<byte> id, ReadOnlySpan<byte> model, ReadOnlySpan<byte> fingerprint, ref ChunkEnvelope envelope) =>
        _id.TryReuse(id, out envelope.Id)
        && _model.TryReuse(model, out envelope.Model)
        && _fingerprint.TryReuse(fingerprint, out envelope.SystemFingerprint);

    /// <summary>Reads the property the reader is on if it belongs to the envelope.</summary>
    /// <param name="reader">A reader positioned on a top-level property name.</param>
    /// <param name="envelope">Receives the value.</param>
    /// <returns>False when the property is not an envelope field (the reader has not moved).</returns>
    public bool TryReadProperty(ref Utf8JsonReader reader, ref ChunkEnvelope envelope)
    {
        if (reader.ValueTextEquals("model"u8))
        {
            JsonReading.MoveToValue(ref reader);
            envelope.Model = _model.Read(ref reader);
        }
        else if (reader.ValueTextEquals("id"u8))
        {
            JsonReading.MoveToValue(ref reader);
            envelope.Id = _id.Read(ref reader);
        }
        else if (reader.ValueTextEquals("system_fingerprint"u8))
        {
            JsonReading.MoveToValue(ref reader);
            envelope.SystemFingerprint = _fingerprint.Read(ref reader);
        }
        else if (reader.ValueTextEquals("created"u8))
        {
            JsonReading.MoveToValue(ref reader);
            envelope.Created = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : 0;
        }
        else if (reader.ValueTextEquals("usage"u8))
        {
            // TGI: null on content chunks; an object on the usage chunk (≥3.2) or the finish chunk (2.3–3.1) (API.md §5.3).
            JsonReading.MoveToValue(ref reader);
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                envelope.Usage = JsonReading.ReadUsage(ref reader);
            }
        }
        else if (!envelope.Error.TryReadProperty(ref reader))
        {
            return false;
        }

        return true;
    }
}
