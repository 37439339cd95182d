// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Internal;

/// <summary>Maps TGI's well-known words to cached values, so the hot path allocates no string for them.</summary>
internal static class Vocabulary
{
    /// <summary>The cached <c>assistant</c> role string.</summary>
    public const string Assistant = "assistant";

    /// <summary>Reads a finish reason (string or null); the reader is on the value.</summary>
    public static FinishReason? ReadFinishReason(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("finish_reason must be a string.");
        }

        if (reader.ValueTextEquals("length"u8))
        {
            return FinishReason.Length;
        }

        if (reader.ValueTextEquals("eos_token"u8))
        {
            return FinishReason.EosToken;
        }

        if (reader.ValueTextEquals("stop_sequence"u8))
        {
            return FinishReason.StopSequence;
        }

        if (reader.ValueTextEquals("stop"u8))
        {
            return FinishReason.Stop;
        }

        if (reader.ValueTextEquals(""u8))
        {
            return FinishReason.Empty;
        }

        return new FinishReason(reader.GetString()!);
    }

    /// <summary>Maps finish-reason text to a value (non-hot paths).</summary>
    public static FinishReason? FinishReasonFrom(string? text) => text is null ? (FinishReason?)null : new FinishReason(text);

    /// <summary>Reads a role, caching <c>assistant</c>; the reader is on the value.</summary>
    public static string? ReadRole(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return reader.ValueTextEquals("assistant"u8) ? Assistant : reader.GetString();
    }
}
