// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>The native API's bodies in serde's key order: Token, PrefillToken, Details, GenerateResponse, StreamResponse.</summary>
internal static class NativeJson
{
    public static void WriteToken(Utf8JsonWriter writer, TgiGeneratedToken token, string? paddedText = null)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", token.Id);
        SerdeStrings.Write(writer, "text", paddedText ?? token.Text);
        WriteLogprob(writer, token.Logprob);
        writer.WriteBoolean("special", token.Special);
        writer.WriteEndObject();
    }

    public static void WritePrefillToken(Utf8JsonWriter writer, TgiGeneratedToken token)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", token.Id);
        SerdeStrings.Write(writer, "text", token.Text);
        WriteLogprob(writer, token.Logprob);
        writer.WriteEndObject();
    }

    /// <summary>TGI logprobs are f32; non-finite values are sent as null. Formatted as serde_json formats f32.</summary>
    public static void WriteLogprob(Utf8JsonWriter writer, float? logprob, string name = "logprob")
    {
        writer.WritePropertyName(name);
        if (logprob is { } value && float.IsFinite(value))
        {
            writer.WriteRawValue(RustFloat.Format(value), skipInputValidation: true);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public static void WriteTopTokens(Utf8JsonWriter writer, TgiGeneratedToken token, int topN)
    {
        writer.WriteStartArray();
        foreach (TgiGeneratedToken alternative in TopTokens.For(token, topN))
        {
            WriteToken(writer, alternative);
        }

        writer.WriteEndArray();
    }

    public static void WriteGenerateResponse(Utf8JsonWriter writer, List<CompletedSequence> sequences, string prefix, GenerateParameters parameters, bool details)
    {
        CompletedSequence best = sequences[0];
        writer.WriteStartObject();
        SerdeStrings.Write(writer, "generated_text", prefix + best.GeneratedText);
        if (details)
        {
            int topN = parameters.TopNTokens ?? 0;
            writer.WriteStartObject("details");
            SerdeStrings.Write(writer, "finish_reason", CompletedSequence.NativeName(best.FinishReason));
            writer.WriteNumber("generated_tokens", best.Tokens.Count);
            WriteSeed(writer, best.Seed);
            WritePrefill(writer, best, parameters.DecoderInputDetails);
            WriteTokens(writer, best);
            WriteTopTokensArray(writer, best, topN);

            // TGI: §4 best_of_sequences only when best_of > 1 (the N-1 others).
            if (sequences.Count > 1)
            {
                writer.WriteStartArray("best_of_sequences");
                for (int i = 1; i < sequences.Count; i++)
                {
                    CompletedSequence other = sequences[i];
                    writer.WriteStartObject();
                    SerdeStrings.Write(writer, "generated_text", prefix + other.GeneratedText);
                    SerdeStrings.Write(writer, "finish_reason", CompletedSequence.NativeName(other.FinishReason));
                    writer.WriteNumber("generated_tokens", other.Tokens.Count);
                    WriteSeed(writer, other.Seed);
                    WritePrefill(writer, other, parameters.DecoderInputDetails);
                    WriteTokens(writer, other);
                    WriteTopTokensArray(writer, other, topN);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>One <c>StreamResponse</c> event: index from 1, generated_text and details only on the last one.</summary>
    public static void WriteStreamEvent(
        Utf8JsonWriter writer,
        int index,
        TgiGeneratedToken token,
        int topN,
        string? generatedText,
        CompletedSequence? final,
        int inputTokens,
        bool details,
        bool inputLength,
        string? paddedText)
    {
        writer.WriteStartObject();
        writer.WriteNumber("index", index);
        writer.WritePropertyName("token");
        WriteToken(writer, token, paddedText);
        if (topN > 0)
        {
            writer.WritePropertyName("top_tokens");
            WriteTopTokens(writer, token, topN);
        }

        if (generatedText is null)
        {
            writer.WriteNull("generated_text");
        }
        else
        {
            SerdeStrings.Write(writer, "generated_text", generatedText);
        }

        if (final is not null && details)
        {
            writer.WriteStartObject("details");
            SerdeStrings.Write(writer, "finish_reason", CompletedSequence.NativeName(final.FinishReason));
            writer.WriteNumber("generated_tokens", final.Tokens.Count);
            WriteSeed(writer, final.Seed);
            if (inputLength)
            {
                writer.WriteNumber("input_length", inputTokens);
            }

            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("details");
        }

        writer.WriteEndObject();
    }

    private static void WriteSeed(Utf8JsonWriter writer, ulong? seed)
    {
        if (seed is { } value)
        {
            writer.WriteNumber("seed", value);
        }
        else
        {
            writer.WriteNull("seed");
        }
    }

    private static void WritePrefill(Utf8JsonWriter writer, CompletedSequence sequence, bool decoderInputDetails)
    {
        writer.WriteStartArray("prefill");
        if (decoderInputDetails)
        {
            foreach (TgiGeneratedToken token in sequence.Prefill)
            {
                WritePrefillToken(writer, token);
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteTokens(Utf8JsonWriter writer, CompletedSequence sequence)
    {
        writer.WriteStartArray("tokens");
        foreach (TgiGeneratedToken token in sequence.Tokens)
        {
            WriteToken(writer, token);
        }

        writer.WriteEndArray();
    }

    // TGI: §9 top_tokens is omitted when empty (skip_serializing_if).
    private static void WriteTopTokensArray(Utf8JsonWriter writer, CompletedSequence sequence, int topN)
    {
        if (topN <= 0)
        {
            return;
        }

        writer.WriteStartArray("top_tokens");
        foreach (TgiGeneratedToken token in sequence.Tokens)
        {
            WriteTopTokens(writer, token, topN);
        }

        writer.WriteEndArray();
    }
}
