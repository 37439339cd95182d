// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Generate;

namespace Tgi.Sdk.Internal;

/// <summary>Writes native-API requests and reads native-API responses (API.md §3, §4, §8).</summary>
internal static class GenerateWire
{
    /// <summary>Writes <c>{"inputs", "parameters"?, "stream"?}</c> with only the parameters the caller set.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="inputs">The prompt.</param>
    /// <param name="options">The options, or null.</param>
    /// <param name="stream">For the compat route: write <c>"stream": true</c>; otherwise nothing.</param>
    public static void WriteRequest(Utf8JsonWriter writer, string inputs, GenerateOptions? options, bool stream)
    {
        writer.WriteStartObject();
        writer.WriteString("inputs"u8, inputs);
        if (options is not null && HasAnyParameter(options))
        {
            // TGI: sending "parameters" at all turns do_sample's default from true to false (API.md §3), so the
            // object is written only when the caller set something.
            writer.WriteStartObject("parameters"u8);
            WriteParameters(writer, options);
            writer.WriteEndObject();
        }

        if (stream)
        {
            writer.WriteBoolean("stream"u8, true);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads a <c>GenerateResponse</c> object.</summary>
    public static GenerateResponse ReadResponse(JsonElement e)
    {
        string text = e.GetProperty("generated_text").GetString() ?? string.Empty;
        GenerateDetails? details = e.TryGetProperty("details", out JsonElement d) && d.ValueKind == JsonValueKind.Object
            ? ReadDetails(d)
            : null;
        return new GenerateResponse(text, details);
    }

    /// <summary>Reads the compat route's 1-element array (or a bare object, to be lenient).</summary>
    public static GenerateResponse ReadCompatResponse(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? ReadResponse(e[0]) : ReadResponse(e);

    /// <summary>Reads a <c>Token</c> object.</summary>
    public static TgiToken ReadToken(JsonElement e) =>
        new(
            Json.Int(e, "id"),
            Json.String(e, "text") ?? string.Empty,
            Json.NullableSingle(e, "logprob"),
            e.TryGetProperty("special", out JsonElement s) && s.ValueKind == JsonValueKind.True);

    private static bool HasAnyParameter(GenerateOptions o) =>
        o.BestOf is not null || o.Temperature is not null || o.RepetitionPenalty is not null || o.FrequencyPenalty is not null
        || o.TopK is not null || WireRules.SendsTopP(o.TopP) || o.TypicalP is not null || o.DoSample is not null
        || o.MaxNewTokens is not null || o.ReturnFullText is not null || o.StopSequences.Count > 0 || o.Truncate is not null
        || o.Watermark is not null || o.Details is not null || o.DecoderInputDetails is not null || o.Seed is not null
        || o.TopNTokens is not null || o.Grammar is not null || o.AdapterId is not null;

    private static void WriteParameters(Utf8JsonWriter w, GenerateOptions o)
    {
        if (o.BestOf is { } bestOf)
        {
            w.WriteNumber("best_of"u8, bestOf);
        }

        if (o.Temperature is { } temperature)
        {
            w.WriteNumber("temperature"u8, temperature);
        }

        if (o.RepetitionPenalty is { } repetition)
        {
            w.WriteNumber("repetition_penalty"u8, repetition);
        }

        if (o.FrequencyPenalty is { } frequency)
        {
            w.WriteNumber("frequency_penalty"u8, frequency);
        }

        if (o.TopK is { } topK)
        {
            w.WriteNumber("top_k"u8, topK);
        }

        WireRules.WriteTopP(w, o.TopP);

        if (o.TypicalP is { } typicalP)
        {
            w.WriteNumber("typical_p"u8, typicalP);
        }

        if (o.DoSample is { } doSample)
        {
            w.WriteBoolean("do_sample"u8, doSample);
        }

        if (o.MaxNewTokens is { } maxNewTokens)
        {
            w.WriteNumber("max_new_tokens"u8, maxNewTokens);
        }

        if (o.ReturnFullText is { } returnFullText)
        {
            w.WriteBoolean("return_full_text"u8, returnFullText);
        }

        WireRules.WriteStop(w, o.StopSequences);

        if (o.Truncate is { } truncate)
        {
            w.WriteNumber("truncate"u8, truncate);
        }

        if (o.Watermark is { } watermark)
        {
            w.WriteBoolean("watermark"u8, watermark);
        }

        if (o.Details is { } details)
        {
            w.WriteBoolean("details"u8, details);
        }

        if (o.DecoderInputDetails is { } decoderInputDetails)
        {
            w.WriteBoolean("decoder_input_details"u8, decoderInputDetails);
        }

        if (o.Seed is { } seed)
        {
            w.WriteNumber("seed"u8, seed);
        }

        if (o.TopNTokens is { } topN)
        {
            w.WriteNumber("top_n_tokens"u8, topN);
        }

        if (o.Grammar is { } grammar)
        {
            w.WritePropertyName("grammar"u8);
            grammar.WriteTo(w);
        }

        if (o.AdapterId is { } adapterId)
        {
            w.WriteString("adapter_id"u8, adapterId);
        }
    }

    private static GenerateDetails ReadDetails(JsonElement d) =>
        new(
            new FinishReason(Json.String(d, "finish_reason") ?? string.Empty),
            Json.Int(d, "generated_tokens"),
            Json.NullableUInt64(d, "seed"),
            ReadPrefill(d),
            ReadTokens(d, "tokens"),
            ReadTopTokens(d),
            ReadBestOf(d));

    private static PrefillToken[] ReadPrefill(JsonElement d)
    {
        if (!d.TryGetProperty("prefill", out JsonElement array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        PrefillToken[] result = new PrefillToken[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement t in array.EnumerateArray())
        {
            result[i++] = new PrefillToken(Json.Int(t, "id"), Json.String(t, "text") ?? string.Empty, Json.NullableSingle(t, "logprob"));
        }

        return result;
    }

    private static TgiToken[] ReadTokens(JsonElement d, string name) =>
        d.TryGetProperty(name, out JsonElement array) && array.ValueKind == JsonValueKind.Array ? ReadTokenArray(array) : [];

    private static TgiToken[] ReadTokenArray(JsonElement array)
    {
        TgiToken[] result = new TgiToken[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement t in array.EnumerateArray())
        {
            result[i++] = ReadToken(t);
        }

        return result;
    }

    private static IReadOnlyList<TgiToken>[] ReadTopTokens(JsonElement d)
    {
        // TGI: top_tokens is present only when top_n_tokens > 0 (API.md §4, §9.9).
        if (!d.TryGetProperty("top_tokens", out JsonElement array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        IReadOnlyList<TgiToken>[] result = new IReadOnlyList<TgiToken>[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement step in array.EnumerateArray())
        {
            result[i++] = step.ValueKind == JsonValueKind.Array ? ReadTokenArray(step) : [];
        }

        return result;
    }

    private static BestOfSequence[] ReadBestOf(JsonElement d)
    {
        // TGI: best_of_sequences is present only when best_of > 1 (API.md §4).
        if (!d.TryGetProperty("best_of_sequences", out JsonElement array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        BestOfSequence[] result = new BestOfSequence[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement s in array.EnumerateArray())
        {
            result[i++] = new BestOfSequence(
                Json.String(s, "generated_text") ?? string.Empty,
                new FinishReason(Json.String(s, "finish_reason") ?? string.Empty),
                Json.Int(s, "generated_tokens"),
                Json.NullableUInt64(s, "seed"),
                ReadPrefill(s),
                ReadTokens(s, "tokens"),
                ReadTopTokens(s));
        }

        return result;
    }
}
