// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Completions;
using Tgi.Sdk.Internal;

namespace Tgi.Sdk.Streaming;

/// <summary>Parses <c>/v1/completions</c> stream chunks (<c>Chunk</c> and <c>CompletionFinal</c>).</summary>
internal sealed class CompletionStreamHandler : StreamEventHandler<CompletionUpdate>
{
    private readonly ChunkEnvelopeReader _envelopeReader = new();
    private readonly Utf8Arena _arena = new();
    private readonly int _promptCount;
    private int _finished;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="promptCount">The number of prompts sent.</param>
    public CompletionStreamHandler(int promptCount) => _promptCount = promptCount;

    /// <inheritdoc/>
    public override StreamEventResult Handle(ReadOnlySpan<byte> data, out CompletionUpdate item)
    {
        item = default;
        if (data.SequenceEqual("[DONE]"u8))
        {
            return StreamEventResult.End;
        }

        ChunkEnvelope envelope = default;
        bool hasChoice = false;
        int index = 0;
        ReadOnlyMemory<byte>? text = null;
        FinishReason? finishReason = null;
        try
        {
            Utf8JsonReader reader = new(data);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("An event must be a JSON object.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("choices"u8))
                {
                    JsonReading.MoveToValue(ref reader);
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        reader.Skip();
                        continue;
                    }

                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        if (hasChoice)
                        {
                            reader.Skip();
                            continue;
                        }

                        hasChoice = true;
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            if (reader.ValueTextEquals("text"u8))
                            {
                                JsonReading.MoveToValue(ref reader);
                                text = reader.TokenType == JsonTokenType.Null ? null : _arena.Add(ref reader);
                            }
                            else if (reader.ValueTextEquals("index"u8))
                            {
                                JsonReading.MoveToValue(ref reader);
                                index = JsonReading.ReadInt32(ref reader);
                            }
                            else if (reader.ValueTextEquals("finish_reason"u8))
                            {
                                JsonReading.MoveToValue(ref reader);
                                finishReason = Vocabulary.ReadFinishReason(ref reader);

                                // TGI: in-progress chunks say "" rather than null (API.md §6).
                                if (finishReason == FinishReason.Empty)
                                {
                                    finishReason = null;
                                }
                            }
                            else
                            {
                                reader.Skip();
                            }
                        }
                    }
                }
                else if (!_envelopeReader.TryReadProperty(ref reader, ref envelope))
                {
                    reader.Skip();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            ThrowHelper.ThrowMalformedEvent(data, ex);
        }

        envelope.Error.ThrowIfPresent(data);
        if (!hasChoice && envelope.Usage is null)
        {
            return StreamEventResult.Skip;
        }

        if (finishReason is not null)
        {
            _finished++;
        }

        item = new CompletionUpdate(index, text, finishReason, envelope.Usage, envelope.Model, envelope.Created, envelope.SystemFingerprint);
        return StreamEventResult.Item;
    }

    /// <inheritdoc/>
    public override void OnEndOfStream()
    {
        if (_finished < _promptCount)
        {
            ThrowHelper.ThrowStreamCut("[DONE]");
        }
    }
}
