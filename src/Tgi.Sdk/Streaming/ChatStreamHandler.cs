// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Internal;

namespace Tgi.Sdk.Streaming;

/// <summary>Parses <c>/v1/chat/completions</c> stream chunks straight from the UTF-8 bytes.</summary>
/// <remarks>
/// A content chunk in TGI's exact layout whose id, model and fingerprint repeat the previous chunk's is matched byte by
/// byte (<see cref="FastChatChunk"/>); every other chunk, and the first, goes through <see cref="Utf8JsonReader"/>.
/// Both paths give the same update for the same bytes. After a fast chunk, its bytes up to the content are kept: the
/// next chunk usually starts with exactly those bytes (only the content changes, and <c>created</c> once a second),
/// so one comparison replaces parsing the envelope again.
/// </remarks>
internal sealed class ChatStreamHandler : StreamEventHandler<ChatCompletionUpdate>
{
    private static readonly ChatRole s_assistant = new(Vocabulary.Assistant);

    private readonly ChunkEnvelopeReader _envelopeReader = new();
    private readonly Utf8Arena _arena = new();
    private readonly bool _fastPath;
    private bool _sawFinish;

    // The previous fast chunk's bytes before its content, and what they held; empty after any reader-path chunk.
    private byte[] _prefix = [];
    private int _prefixLength;
    private ChunkEnvelope _prefixEnvelope;

    /// <summary>Initializes a new instance.</summary>
    public ChatStreamHandler()
        : this(fastPath: true)
    {
    }

    /// <summary>Initializes a new instance, optionally without the byte-level fast path (to compare the two in tests).</summary>
    /// <param name="fastPath">Whether content chunks in TGI's exact layout skip the JSON reader.</param>
    internal ChatStreamHandler(bool fastPath) => _fastPath = fastPath;

    /// <summary>Gets the number of chunks the byte-level fast path handled.</summary>
    internal int FastChunks { get; private set; }

    /// <inheritdoc/>
    public override StreamEventResult Handle(ReadOnlySpan<byte> data, out ChatCompletionUpdate item)
    {
        item = default;
        if (data.SequenceEqual("[DONE]"u8))
        {
            // TGI: chat streams end with [DONE], also after an error event (API.md §5.3).
            return StreamEventResult.End;
        }

        if (_fastPath && TryHandleFast(data, out item))
        {
            FastChunks++;
            return StreamEventResult.Item;
        }

        // The reader path may refresh the envelope caches: the kept prefix no longer stands for them.
        _prefixLength = 0;

        ChunkEnvelope envelope = default;
        bool hasChoice = false;
        ChatRole? role = null;
        ReadOnlyMemory<byte>? content = null;
        List<ChatToolCallUpdate>? toolCalls = null;
        FinishReason? finishReason = null;
        List<ChatTokenLogprob>? logprobs = null;
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
                            // TGI always sends one choice; any other is ignored.
                            reader.Skip();
                            continue;
                        }

                        hasChoice = true;
                        ReadChoice(ref reader, data, _arena, ref role, ref content, ref toolCalls, ref finishReason, ref logprobs);
                    }
                }
                else if (!_envelopeReader.TryReadProperty(ref reader, ref envelope))
                {
                    // "object" is chat.completion.chunk, or text_completion before 2.1.0: nothing to read.
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

        if (finishReason is not null || envelope.Usage is not null)
        {
            _sawFinish = true;
        }

        item = new ChatCompletionUpdate(envelope.Id, envelope.Model, envelope.Created, envelope.SystemFingerprint, role, content, toolCalls, finishReason, envelope.Usage, logprobs);
        return StreamEventResult.Item;
    }

    /// <inheritdoc/>
    public override void OnEndOfStream()
    {
        // TGI 1.4 ended chat streams after the finish chunk with no [DONE] (recorded in the 1.4 captures);
        // without a finish either, the stream was cut.
        if (!_sawFinish)
        {
            ThrowHelper.ThrowStreamCut("[DONE]");
        }
    }

    private bool TryHandleFast(ReadOnlySpan<byte> data, out ChatCompletionUpdate item)
    {
        item = default;
        ChunkEnvelope envelope;
        ReadOnlySpan<byte> quotedContent;
        bool escaped;
        if (_prefixLength > 0 && data.StartsWith(_prefix.AsSpan(0, _prefixLength)))
        {
            // The same bytes as the previous fast chunk's prefix: the same id, created, model and fingerprint.
            envelope = _prefixEnvelope;
            if (!FastChatChunk.TryParseContent(data[_prefixLength..], out quotedContent, out escaped))
            {
                return false;
            }
        }
        else
        {
            envelope = default;
            if (!FastChatChunk.TryParse(data, out FastChatChunk chunk)
                || !_envelopeReader.TryReuse(chunk.Id, chunk.Model, chunk.SystemFingerprint, ref envelope))
            {
                return false;
            }

            envelope.Created = chunk.Created;
            quotedContent = chunk.QuotedContent;
            escaped = chunk.ContentEscaped;
            KeepPrefix(data[..chunk.PrefixLength], envelope);
        }

        if (!FastJson.TryAddString(_arena, quotedContent, escaped, out ReadOnlyMemory<byte> content))
        {
            return false;
        }

        // TGI: a content chunk carries no finish reason, usage, tool calls or logprobs (all null on the wire).
        item = new ChatCompletionUpdate(envelope.Id, envelope.Model, envelope.Created, envelope.SystemFingerprint, s_assistant, content, null, null, null, null);
        return true;
    }

    private void KeepPrefix(ReadOnlySpan<byte> prefix, ChunkEnvelope envelope)
    {
        if (_prefix.Length < prefix.Length)
        {
            _prefix = new byte[Math.Max(256, prefix.Length)];
        }

        prefix.CopyTo(_prefix);
        _prefixLength = prefix.Length;
        _prefixEnvelope = envelope;
    }

    private static void ReadChoice(
        ref Utf8JsonReader reader,
        ReadOnlySpan<byte> data,
        Utf8Arena arena,
        ref ChatRole? role,
        ref ReadOnlyMemory<byte>? content,
        ref List<ChatToolCallUpdate>? toolCalls,
        ref FinishReason? finishReason,
        ref List<ChatTokenLogprob>? logprobs)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("delta"u8))
            {
                JsonReading.MoveToValue(ref reader);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("content"u8))
                    {
                        JsonReading.MoveToValue(ref reader);
                        content = reader.TokenType == JsonTokenType.Null ? (ReadOnlyMemory<byte>?)null : arena.Add(ref reader);
                    }
                    else if (reader.ValueTextEquals("role"u8))
                    {
                        JsonReading.MoveToValue(ref reader);
                        role = Vocabulary.ReadRole(ref reader) is { } r ? new ChatRole(r) : (ChatRole?)null;
                    }
                    else if (reader.ValueTextEquals("tool_calls"u8))
                    {
                        JsonReading.MoveToValue(ref reader);
                        toolCalls = ReadToolCalls(ref reader, data);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else if (reader.ValueTextEquals("finish_reason"u8))
            {
                JsonReading.MoveToValue(ref reader);
                finishReason = Vocabulary.ReadFinishReason(ref reader);
                if (finishReason == FinishReason.Empty)
                {
                    finishReason = null;
                }
            }
            else if (reader.ValueTextEquals("logprobs"u8))
            {
                JsonReading.MoveToValue(ref reader);
                logprobs = ReadLogprobs(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static List<ChatToolCallUpdate>? ReadToolCalls(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
    {
        // TGI: an array since 3.2; a single object on 1.4–3.1 (API.md §5.5).
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return [ReadToolCall(ref reader, data)];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        List<ChatToolCallUpdate> calls = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            calls.Add(ReadToolCall(ref reader, data));
        }

        return calls;
    }

    private static ChatToolCallUpdate ReadToolCall(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
    {
        int index = 0;
        string? id = null;
        string? name = null;
        string? arguments = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("index"u8))
            {
                JsonReading.MoveToValue(ref reader);
                index = JsonReading.ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                JsonReading.MoveToValue(ref reader);
                id = JsonReading.ReadStringOrNumber(ref reader);
            }
            else if (reader.ValueTextEquals("function"u8))
            {
                JsonReading.MoveToValue(ref reader);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("name"u8))
                    {
                        JsonReading.MoveToValue(ref reader);
                        name = JsonReading.ReadNullableString(ref reader);
                    }
                    else if (reader.ValueTextEquals("arguments"u8) || reader.ValueTextEquals("parameters"u8))
                    {
                        JsonReading.MoveToValue(ref reader);
                        arguments = JsonReading.ReadStringOrRawJson(ref reader, data);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return new ChatToolCallUpdate(index, string.IsNullOrEmpty(id) ? null : id, name, arguments);
    }

    private static List<ChatTokenLogprob>? ReadLogprobs(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        List<ChatTokenLogprob>? result = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("content"u8))
            {
                reader.Skip();
                continue;
            }

            JsonReading.MoveToValue(ref reader);
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            result = [];
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                string token = string.Empty;
                float? logprob = null;
                List<ChatTopLogprob> top = [];
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("token"u8))
                    {
                        JsonReading.MoveToValue(ref reader);
                        token = JsonReading.ReadNullableString(ref reader) ?? string.Empty;
                    }
                    else if (reader.ValueTextEquals("logprob"u8))
                    {
                        JsonReading.MoveToValue(ref reader);
                        logprob = JsonReading.ReadNullableSingle(ref reader);
                    }
                    else if (reader.ValueTextEquals("top_logprobs"u8))
                    {
                        JsonReading.MoveToValue(ref reader);
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            reader.Skip();
                            continue;
                        }

                        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                        {
                            string topToken = string.Empty;
                            float? topLogprob = null;
                            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                            {
                                if (reader.ValueTextEquals("token"u8))
                                {
                                    JsonReading.MoveToValue(ref reader);
                                    topToken = JsonReading.ReadNullableString(ref reader) ?? string.Empty;
                                }
                                else if (reader.ValueTextEquals("logprob"u8))
                                {
                                    JsonReading.MoveToValue(ref reader);
                                    topLogprob = JsonReading.ReadNullableSingle(ref reader);
                                }
                                else
                                {
                                    reader.Skip();
                                }
                            }

                            top.Add(new ChatTopLogprob(topToken, topLogprob));
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                result.Add(new ChatTokenLogprob(token, logprob, top));
            }
        }

        return result;
    }
}
