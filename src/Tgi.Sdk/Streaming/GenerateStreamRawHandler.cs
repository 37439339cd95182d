// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Internal;

namespace Tgi.Sdk.Streaming;

/// <summary>
/// The <c>/generate_stream</c> handler for raw mode: token text is unescaped into a pooled scratch buffer and exposed
/// as UTF-8 memory, so a token allocates nothing.
/// </summary>
internal sealed class GenerateStreamRawHandler : GenerateStreamHandlerBase<GenerateStreamRawUpdate>
{
    private byte[] _scratch = ArrayPool<byte>.Shared.Rent(256);
    private int _scratchUsed;

    /// <summary>Initializes a new instance.</summary>
    public GenerateStreamRawHandler()
        : this(fastPath: true)
    {
    }

    /// <summary>Initializes a new instance, optionally without the byte-level fast path (to compare the two in tests).</summary>
    /// <param name="fastPath">Whether plain token events in TGI's exact layout skip the JSON reader.</param>
    internal GenerateStreamRawHandler(bool fastPath)
        : base(fastPath)
    {
    }

    /// <inheritdoc/>
    public override void Release()
    {
        byte[] scratch = _scratch;
        _scratch = [];
        if (scratch.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <inheritdoc/>
    protected override void BeginEvent() => _scratchUsed = 0;

    /// <inheritdoc/>
    protected override void ReadToken(ref Utf8JsonReader reader, ref Event e)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                JsonReading.MoveToValue(ref reader);
                e.TokenId = JsonReading.ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                JsonReading.MoveToValue(ref reader);
                CopyString(ref reader, out e.TextStart, out e.TextLength);
            }
            else if (reader.ValueTextEquals("logprob"u8))
            {
                JsonReading.MoveToValue(ref reader);
                e.Logprob = JsonReading.ReadNullableSingle(ref reader);
            }
            else if (reader.ValueTextEquals("special"u8))
            {
                JsonReading.MoveToValue(ref reader);
                e.IsSpecial = reader.TokenType == JsonTokenType.True;
            }
            else
            {
                reader.Skip();
            }
        }
    }

    /// <inheritdoc/>
    protected override bool TryCreateFromFast(ref FastTokenEvent e, out GenerateStreamRawUpdate item)
    {
        item = default;
        int start;
        int length;
        if (e.TextEscaped)
        {
            try
            {
                Utf8JsonReader reader = new(e.QuotedText);
                reader.Read();
                CopyString(ref reader, out start, out length);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                // A bad escape or invalid text: the reader path reports it as a malformed event.
                return false;
            }
        }
        else
        {
            // The reader refuses invalid UTF-8 when it copies a string, so the fast path does too.
            if (!Utf8.IsValid(e.Text))
            {
                return false;
            }

            EnsureScratch(e.Text.Length);
            start = _scratchUsed;
            e.Text.CopyTo(_scratch.AsSpan(start));
            length = e.Text.Length;
            _scratchUsed += length;
        }

        item = new GenerateStreamRawUpdate(e.Index, e.Id, e.Logprob, e.Special, _scratch.AsMemory(start, length), false, default, null);
        return true;
    }

    /// <inheritdoc/>
    protected override void ReadGeneratedText(ref Utf8JsonReader reader, ref Event e) =>
        CopyString(ref reader, out e.GeneratedStart, out e.GeneratedLength);

    /// <inheritdoc/>
    protected override void ReadTopTokens(ref Utf8JsonReader reader, ref Event e) => reader.Skip();

    /// <inheritdoc/>
    protected override GenerateStreamRawUpdate Create(ref Event e) =>
        new(
            e.Index,
            e.TokenId,
            e.Logprob,
            e.IsSpecial,
            _scratch.AsMemory(e.TextStart, e.TextLength),
            e.IsFinal,
            e.IsFinal ? _scratch.AsMemory(e.GeneratedStart, e.GeneratedLength) : default,
            e.Details);

    private void CopyString(ref Utf8JsonReader reader, out int start, out int length)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected a string.");
        }

        int max = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        EnsureScratch(max);
        start = _scratchUsed;
        length = reader.CopyString(_scratch.AsSpan(_scratchUsed));
        _scratchUsed += length;
    }

    private void EnsureScratch(int more)
    {
        if (_scratchUsed + more > _scratch.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(_scratch.Length * 2, _scratchUsed + more));
            Buffer.BlockCopy(_scratch, 0, larger, 0, _scratchUsed);
            if (_scratch.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_scratch);
            }

            _scratch = larger;
        }
    }
}
