// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Generate;

namespace Tgi.Sdk.Internal;

/// <summary>Small forward-only readers over <see cref="Utf8JsonReader"/> for the streaming hot path.</summary>
internal static class JsonReading
{
    /// <summary>Moves to the value of the current property.</summary>
    public static void MoveToValue(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("Unexpected end of JSON.");
        }
    }

    /// <summary>Reads a number or null as a float (TGI serializes non-finite floats as null).</summary>
    public static float? ReadNullableSingle(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetSingle();

    /// <summary>Reads an integer, accepting null as 0.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? 0 : reader.GetInt32();

    /// <summary>Reads an unsigned 64-bit integer or null.</summary>
    public static ulong? ReadNullableUInt64(ref Utf8JsonReader reader) =>
        // One rule with /generate (GenerateWire.Seed): a number that is not a u64 (too large, negative, fractional) is null.
        reader.TokenType != JsonTokenType.Number ? null
        : reader.TryGetUInt64(out ulong value) ? value
        : reader.TryGetDecimal(out decimal d) && d >= 0 && d <= ulong.MaxValue && decimal.Truncate(d) == d ? (ulong)d
        : null;

    /// <summary>Reads a string or null.</summary>
    public static string? ReadNullableString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetString();

    /// <summary>Reads a string or an integer as text (TGI tool-call ids were integers before 2.0.4).</summary>
    public static string? ReadStringOrNumber(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            _ => throw new JsonException("Expected a string or a number."),
        };

    /// <summary>Reads a JSON value (string or any other JSON) as text: a string's content, or the raw JSON of anything else.</summary>
    public static string? ReadStringOrRawJson(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                {
                    int start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    int end = (int)reader.TokenStartIndex + 1;
                    return System.Text.Encoding.UTF8.GetString(json[start..end]);
                }

            default:
                return System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    /// <summary>Reads a <c>Token</c> object; the reader is on its StartObject.</summary>
    public static TgiToken ReadToken(ref Utf8JsonReader reader)
    {
        int id = 0;
        string? text = null;
        float? logprob = null;
        bool special = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                MoveToValue(ref reader);
                id = ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                MoveToValue(ref reader);
                text = ReadNullableString(ref reader);
            }
            else if (reader.ValueTextEquals("logprob"u8))
            {
                MoveToValue(ref reader);
                logprob = ReadNullableSingle(ref reader);
            }
            else if (reader.ValueTextEquals("special"u8))
            {
                MoveToValue(ref reader);
                special = reader.TokenType == JsonTokenType.True;
            }
            else
            {
                reader.Skip();
            }
        }

        return new TgiToken(id, text ?? string.Empty, logprob, special);
    }

    /// <summary>Reads an array of tokens, or null; the reader is on the value.</summary>
    public static TgiToken[]? ReadTokenArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        List<TgiToken> tokens = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            tokens.Add(ReadToken(ref reader));
        }

        return [.. tokens];
    }

    /// <summary>Reads <c>StreamDetails</c>; the reader is on its StartObject.</summary>
    public static StreamDetails ReadStreamDetails(ref Utf8JsonReader reader)
    {
        FinishReason finishReason = default;
        int generated = 0;
        ulong? seed = null;
        int? inputLength = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("finish_reason"u8))
            {
                MoveToValue(ref reader);
                finishReason = Vocabulary.ReadFinishReason(ref reader) ?? default;
            }
            else if (reader.ValueTextEquals("generated_tokens"u8))
            {
                MoveToValue(ref reader);
                generated = ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("seed"u8))
            {
                MoveToValue(ref reader);
                seed = ReadNullableUInt64(ref reader);
            }
            else if (reader.ValueTextEquals("input_length"u8))
            {
                MoveToValue(ref reader);
                inputLength = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
            }
            else
            {
                reader.Skip();
            }
        }

        return new StreamDetails(finishReason, generated, seed, inputLength);
    }

    /// <summary>Reads <c>usage</c>; the reader is on its StartObject.</summary>
    public static TokenUsage ReadUsage(ref Utf8JsonReader reader)
    {
        int prompt = 0;
        int completion = 0;
        int total = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("prompt_tokens"u8))
            {
                MoveToValue(ref reader);
                prompt = ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("completion_tokens"u8))
            {
                MoveToValue(ref reader);
                completion = ReadInt32(ref reader);
            }
            else if (reader.ValueTextEquals("total_tokens"u8))
            {
                MoveToValue(ref reader);
                total = ReadInt32(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new TokenUsage(prompt, completion, total);
    }

    /// <summary>
    /// Reads an error value (the reader is on the value of <c>error</c>): a string (native shape) or an object
    /// <c>{message, http_status_code, type}</c> (OpenAI shape, ≥2.4.1).
    /// </summary>
    public static void ReadError(ref Utf8JsonReader reader, out string? message, out int? status, out string? type)
    {
        message = null;
        status = null;
        type = null;
        // The error's words are read leniently (TgiErrors.TextOf): a bad string must not hide the server's error.
        if (reader.TokenType == JsonTokenType.String)
        {
            message = TgiErrors.TextOf(ref reader);
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("message"u8))
            {
                MoveToValue(ref reader);
                message = reader.TokenType == JsonTokenType.String ? TgiErrors.TextOf(ref reader) : ReadNullableString(ref reader);
            }
            else if (reader.ValueTextEquals("http_status_code"u8))
            {
                MoveToValue(ref reader);
                status = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int code) ? code : null;
            }
            else if (reader.ValueTextEquals("type"u8) || reader.ValueTextEquals("error_type"u8))
            {
                MoveToValue(ref reader);
                type = reader.TokenType == JsonTokenType.String ? TgiErrors.TextOf(ref reader) : null;
                if (type is null)
                {
                    reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }
        }
    }
}
