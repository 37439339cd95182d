// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Completions;

namespace Tgi.Sdk.Internal;

/// <summary>Writes <c>CompletionRequest</c> bodies and reads <c>CompletionFinal</c> bodies (API.md §6).</summary>
internal static class CompletionWire
{
    /// <summary>Writes a completion request with only the fields the caller set.</summary>
    public static void WriteRequest(Utf8JsonWriter w, string[] prompts, bool batch, CompletionOptions? o, bool stream)
    {
        w.WriteStartObject();
        if (o?.Model is { } model)
        {
            w.WriteString("model"u8, model);
        }

        if (batch)
        {
            w.WriteStartArray("prompt"u8);
            foreach (string prompt in prompts)
            {
                w.WriteStringValue(prompt);
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteString("prompt"u8, prompts[0]);
        }

        if (o is not null)
        {
            if (o.MaxTokens is { } maxTokens)
            {
                w.WriteNumber("max_tokens"u8, maxTokens);
            }

            if (o.Temperature is { } temperature)
            {
                w.WriteNumber("temperature"u8, temperature);
            }

            WireRules.WriteTopP(w, o.TopP);

            if (o.Seed is { } seed)
            {
                w.WriteNumber("seed"u8, seed);
            }

            if (o.RepetitionPenalty is { } repetition)
            {
                w.WriteNumber("repetition_penalty"u8, repetition);
            }

            if (o.FrequencyPenalty is { } frequency)
            {
                w.WriteNumber("frequency_penalty"u8, frequency);
            }

            WireRules.WriteStop(w, o.StopSequences);
        }

        if (stream)
        {
            w.WriteBoolean("stream"u8, true);
        }

        w.WriteEndObject();
    }

    /// <summary>Reads a non-streamed completion, sorting the choices by prompt index.</summary>
    public static Completion Read(JsonElement e)
    {
        List<CompletionChoice> choices = [];
        if (e.TryGetProperty("choices", out JsonElement array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement c in array.EnumerateArray())
            {
                choices.Add(new CompletionChoice(
                    Json.Int(c, "index"),
                    Json.String(c, "text") ?? string.Empty,
                    Vocabulary.FinishReasonFrom(Json.String(c, "finish_reason"))));
            }
        }

        // TGI: "Choice order may not match index" (API.md §6).
        choices.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        return new Completion(
            Json.String(e, "id") ?? string.Empty,
            Json.String(e, "model") ?? string.Empty,
            DateTimeOffset.FromUnixTimeSeconds(Json.Long(e, "created")),
            Json.String(e, "system_fingerprint"),
            choices,
            ChatWire.ReadUsage(e));
    }
}
