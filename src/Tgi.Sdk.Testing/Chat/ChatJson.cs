// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>Chat bodies in TGI's key order, shaped by the wire profile.</summary>
internal static class ChatJson
{
    /// <summary>Writes the envelope up to and including the <c>choices</c> property name.</summary>
    public static void WriteEnvelopeStart(Utf8JsonWriter writer, EmulatorState state, string model, bool chunk)
    {
        WireProfile profile = state.Profile;
        string objectName = chunk ? profile.ChatChunkObject : profile.ChatObject;
        writer.WriteStartObject();
        if (profile.ChatIdBeforeObject)
        {
            SerdeStrings.Write(writer, "id", string.Empty);
            SerdeStrings.Write(writer, "object", objectName);
        }
        else
        {
            SerdeStrings.Write(writer, "object", objectName);
            SerdeStrings.Write(writer, "id", string.Empty);
        }

        writer.WriteNumber("created", state.UnixNow);
        SerdeStrings.Write(writer, "model", model);
        SerdeStrings.Write(writer, "system_fingerprint", state.SystemFingerprint);
        writer.WritePropertyName("choices");
    }

    /// <summary>Closes a stream chunk: <c>usage</c> (null or the counts) unless the profile predates usage in streams.</summary>
    public static void WriteChunkEnd(Utf8JsonWriter writer, EmulatorState state, Usage? usage)
    {
        if (state.Profile.UsagePlacement != UsagePlacement.None)
        {
            WriteUsage(writer, usage);
        }

        writer.WriteEndObject();
    }

    public static void WriteUsage(Utf8JsonWriter writer, Usage? usage)
    {
        if (usage is { } value)
        {
            writer.WriteStartObject("usage");
            writer.WriteNumber("prompt_tokens", value.PromptTokens);
            writer.WriteNumber("completion_tokens", value.CompletionTokens);
            writer.WriteNumber("total_tokens", value.PromptTokens + value.CompletionTokens);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("usage");
        }
    }

    /// <summary>A content chunk: every delta repeats <c>role</c>; <c>logprobs</c> and <c>finish_reason</c> are sent as null explicitly.</summary>
    public static void WriteContentChunk(
        Utf8JsonWriter writer,
        EmulatorState state,
        string model,
        string content,
        TgiGeneratedToken? logprobToken,
        int topLogprobs,
        string? finishReason,
        Usage? usage)
    {
        WriteEnvelopeStart(writer, state, model, chunk: true);
        writer.WriteStartArray();
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
        writer.WriteStartObject("delta");
        SerdeStrings.Write(writer, "role", "assistant");
        SerdeStrings.Write(writer, "content", content);
        writer.WriteEndObject();
        WriteLogprobs(writer, logprobToken is null ? null : [logprobToken], topLogprobs);
        WriteFinishReason(writer, finishReason);
        writer.WriteEndObject();
        writer.WriteEndArray();
        WriteChunkEnd(writer, state, usage);
    }

    /// <summary>A 3.2+ tool chunk: <c>tool_calls</c> is an array of one DeltaToolCall.</summary>
    public static void WriteToolChunk(Utf8JsonWriter writer, EmulatorState state, string model, string id, string? name, string arguments, string? finishReason)
    {
        WriteEnvelopeStart(writer, state, model, chunk: true);
        writer.WriteStartArray();
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
        writer.WriteStartObject("delta");
        SerdeStrings.Write(writer, "role", "assistant");
        writer.WriteStartArray("tool_calls");
        WriteDeltaToolCall(writer, id, name, arguments);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteNull("logprobs");
        WriteFinishReason(writer, finishReason);
        writer.WriteEndObject();
        writer.WriteEndArray();
        WriteChunkEnd(writer, state, usage: null);
    }

    /// <summary>A 2.x tool chunk: <c>tool_calls</c> is one object, id "", name null, the raw grammar token as arguments.</summary>
    public static void WriteLegacyToolChunk(Utf8JsonWriter writer, EmulatorState state, string model, string arguments, string? finishReason, Usage? usage)
    {
        WriteEnvelopeStart(writer, state, model, chunk: true);
        writer.WriteStartArray();
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
        writer.WriteStartObject("delta");
        SerdeStrings.Write(writer, "role", "assistant");
        writer.WritePropertyName("tool_calls");
        WriteDeltaToolCall(writer, string.Empty, null, arguments);
        writer.WriteEndObject();
        writer.WriteNull("logprobs");
        WriteFinishReason(writer, finishReason);
        writer.WriteEndObject();
        writer.WriteEndArray();
        WriteChunkEnd(writer, state, usage);
    }

    /// <summary>The ≥3.2 separate usage chunk: <c>choices: []</c>.</summary>
    public static void WriteUsageChunk(Utf8JsonWriter writer, EmulatorState state, string model, Usage usage)
    {
        WriteEnvelopeStart(writer, state, model, chunk: true);
        writer.WriteStartArray();
        writer.WriteEndArray();
        WriteUsage(writer, usage);
        writer.WriteEndObject();
    }

    public static void WriteLogprobs(Utf8JsonWriter writer, IReadOnlyList<TgiGeneratedToken>? tokens, int topLogprobs)
    {
        if (tokens is null)
        {
            writer.WriteNull("logprobs");
            return;
        }

        writer.WriteStartObject("logprobs");
        writer.WriteStartArray("content");
        foreach (TgiGeneratedToken token in tokens)
        {
            writer.WriteStartObject();
            SerdeStrings.Write(writer, "token", token.Text);
            NativeJson.WriteLogprob(writer, token.Logprob);
            writer.WriteStartArray("top_logprobs");
            if (topLogprobs > 0)
            {
                foreach (TgiGeneratedToken alternative in TopTokens.For(token, topLogprobs))
                {
                    writer.WriteStartObject();
                    SerdeStrings.Write(writer, "token", alternative.Text);
                    NativeJson.WriteLogprob(writer, alternative.Logprob);
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteDeltaToolCall(Utf8JsonWriter writer, string id, string? name, string arguments)
    {
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
        SerdeStrings.Write(writer, "id", id);
        SerdeStrings.Write(writer, "type", "function");
        writer.WriteStartObject("function");
        if (name is null)
        {
            writer.WriteNull("name");
        }
        else
        {
            SerdeStrings.Write(writer, "name", name);
        }

        SerdeStrings.Write(writer, "arguments", arguments);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteFinishReason(Utf8JsonWriter writer, string? finishReason)
    {
        if (finishReason is null)
        {
            writer.WriteNull("finish_reason");
        }
        else
        {
            SerdeStrings.Write(writer, "finish_reason", finishReason);
        }
    }
}
