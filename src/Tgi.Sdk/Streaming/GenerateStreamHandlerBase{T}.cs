// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Internal;

namespace Tgi.Sdk.Streaming;

/// <summary>
/// Parses <c>/generate_stream</c> (and compat <c>/</c> with <c>stream:true</c>) events straight from the UTF-8 bytes.
/// </summary>
/// <typeparam name="T">The update type (normal or raw).</typeparam>
/// <remarks>
/// TGI: one <c>StreamResponse</c> per token; the last has a non-null <c>generated_text</c>; there is no <c>[DONE]</c>,
/// the connection just closes; an error is one <c>{"error","error_type"}</c> event.
/// </remarks>
internal abstract class GenerateStreamHandlerBase<T> : StreamEventHandler<T>
{
    private readonly bool _fastPath;
    private bool _final;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="fastPath">Whether plain token events in TGI's exact layout skip the JSON reader (off only to compare the two in tests).</param>
    protected GenerateStreamHandlerBase(bool fastPath) => _fastPath = fastPath;

    /// <inheritdoc/>
    public override bool IsComplete => _final;

    /// <inheritdoc/>
    public sealed override StreamEventResult Handle(ReadOnlySpan<byte> data, out T item)
    {
        item = default!;
        if (data.SequenceEqual("[DONE]"u8))
        {
            // TGI never sends [DONE] here, but a proxy might: it ends the stream only after the last event.
            if (!_final)
            {
                ThrowHelper.ThrowStreamCut("the last token event (the one with generated_text)");
            }

            return StreamEventResult.End;
        }

        if (_final)
        {
            return StreamEventResult.End;
        }

        BeginEvent();
        if (_fastPath && FastTokenEvent.TryParse(data, out FastTokenEvent fast) && TryCreateFromFast(ref fast, out item))
        {
            return StreamEventResult.Item;
        }

        Event e = default;
        try
        {
            Utf8JsonReader reader = new(data);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("An event must be a JSON object.");
            }

            bool hasToken = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("token"u8))
                {
                    JsonReading.MoveToValue(ref reader);
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        ReadToken(ref reader, ref e);
                        hasToken = true;
                    }
                }
                else if (reader.ValueTextEquals("index"u8))
                {
                    JsonReading.MoveToValue(ref reader);
                    e.Index = JsonReading.ReadInt32(ref reader);
                }
                else if (reader.ValueTextEquals("generated_text"u8))
                {
                    JsonReading.MoveToValue(ref reader);
                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        ReadGeneratedText(ref reader, ref e);
                        e.IsFinal = true;
                    }
                }
                else if (reader.ValueTextEquals("details"u8))
                {
                    JsonReading.MoveToValue(ref reader);
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        e.Details = JsonReading.ReadStreamDetails(ref reader);
                    }
                }
                else if (reader.ValueTextEquals("top_tokens"u8))
                {
                    JsonReading.MoveToValue(ref reader);
                    ReadTopTokens(ref reader, ref e);
                }
                else if (!e.Error.TryReadProperty(ref reader))
                {
                    reader.Skip();
                }
            }

            if (!e.Error.IsPresent && !hasToken)
            {
                throw new JsonException("A token event has no token.");
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            ThrowHelper.ThrowMalformedEvent(data, ex);
        }

        // TGI: validation, overload and generation failures arrive as an event in an HTTP 200 stream.
        e.Error.ThrowIfPresent(data);

        _final = e.IsFinal;
        item = Create(ref e);
        return StreamEventResult.Item;
    }

    /// <inheritdoc/>
    public override void OnEndOfStream()
    {
        if (!_final)
        {
            ThrowHelper.ThrowStreamCut("the last token event (the one with generated_text)");
        }
    }

    /// <summary>Called before each event is read.</summary>
    protected virtual void BeginEvent()
    {
    }

    /// <summary>Reads the token object into the event.</summary>
    protected abstract void ReadToken(ref Utf8JsonReader reader, ref Event e);

    /// <summary>Reads the <c>generated_text</c> string into the event.</summary>
    protected abstract void ReadGeneratedText(ref Utf8JsonReader reader, ref Event e);

    /// <summary>Reads <c>top_tokens</c> (the reader is on the value).</summary>
    protected abstract void ReadTopTokens(ref Utf8JsonReader reader, ref Event e);

    /// <summary>Builds the update.</summary>
    protected abstract T Create(ref Event e);

    /// <summary>Builds the update from a plain token event matched by the fast path.</summary>
    /// <returns>False when the text is not valid UTF-8 (or has a bad escape): the reader path then reports it.</returns>
    protected abstract bool TryCreateFromFast(ref FastTokenEvent e, out T item);

    /// <summary>The fields of one event, filled while reading.</summary>
    internal struct Event
    {
        public int Index;
        public TgiToken Token;
        public int TokenId;
        public float? Logprob;
        public bool IsSpecial;
        public int TextStart;
        public int TextLength;
        public string? GeneratedText;
        public int GeneratedStart;
        public int GeneratedLength;
        public bool IsFinal;
        public TgiToken[]? TopTokens;
        public StreamDetails? Details;
        public InBandError Error;
    }
}
