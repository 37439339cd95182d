// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Internal;

namespace Tgi.Sdk.Streaming;

/// <summary>
/// The <c>/generate_stream</c> handler that yields <see cref="GenerateStreamUpdate"/>. A token's text is kept as
/// UTF-8 in a <see cref="Utf8Arena"/> and becomes a string only when the caller reads it.
/// </summary>
internal sealed class GenerateStreamHandler : GenerateStreamHandlerBase<GenerateStreamUpdate>
{
    private readonly Utf8Arena _arena = new();

    /// <summary>Initializes a new instance.</summary>
    public GenerateStreamHandler()
        : this(fastPath: true)
    {
    }

    /// <summary>Initializes a new instance, optionally without the byte-level fast path (to compare the two in tests).</summary>
    /// <param name="fastPath">Whether plain token events in TGI's exact layout skip the JSON reader.</param>
    internal GenerateStreamHandler(bool fastPath)
        : base(fastPath)
    {
    }

    /// <inheritdoc/>
    protected override void ReadToken(ref Utf8JsonReader reader, ref Event e)
    {
        int id = 0;
        ReadOnlyMemory<byte> text = default;
        float? logprob = null;
        bool special = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                JsonReading.MoveToValue(ref reader);
                id = JsonReading.ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                JsonReading.MoveToValue(ref reader);
                if (reader.TokenType != JsonTokenType.Null)
                {
                    text = _arena.Add(ref reader);
                }
            }
            else if (reader.ValueTextEquals("logprob"u8))
            {
                JsonReading.MoveToValue(ref reader);
                logprob = JsonReading.ReadNullableSingle(ref reader);
            }
            else if (reader.ValueTextEquals("special"u8))
            {
                JsonReading.MoveToValue(ref reader);
                special = reader.TokenType == JsonTokenType.True;
            }
            else
            {
                reader.Skip();
            }
        }

        e.Token = new TgiToken(id, text, logprob, special);
    }

    /// <inheritdoc/>
    protected override bool TryCreateFromFast(ref FastTokenEvent e, out GenerateStreamUpdate item)
    {
        if (!FastJson.TryAddString(_arena, e.QuotedText, e.TextEscaped, out ReadOnlyMemory<byte> text))
        {
            item = default;
            return false;
        }

        item = new GenerateStreamUpdate(e.Index, new TgiToken(e.Id, text, e.Logprob, e.Special), null, null, null);
        return true;
    }

    /// <inheritdoc/>
    protected override void ReadGeneratedText(ref Utf8JsonReader reader, ref Event e) => e.GeneratedText = reader.GetString();

    /// <inheritdoc/>
    protected override void ReadTopTokens(ref Utf8JsonReader reader, ref Event e) => e.TopTokens = JsonReading.ReadTokenArray(ref reader);

    /// <inheritdoc/>
    protected override GenerateStreamUpdate Create(ref Event e) =>
        new(e.Index, e.Token, e.TopTokens, e.GeneratedText, e.Details);
}
