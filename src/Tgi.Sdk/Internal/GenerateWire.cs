// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Tgi.Sdk.Generate;
using Models = Tgi.Generated.Models;

namespace Tgi.Sdk.Internal;

/// <summary>
/// Builds native-API request models and maps native-API response models. The models are the
/// generated client's (<see cref="Models"/>): Kiota serializes the requests and parses the responses; this class
/// only decides what is set and turns the result into the facade's types.
/// </summary>
internal static class GenerateWire
{
    /// <summary>Builds <c>{"inputs", "parameters"?}</c> with only the parameters the caller set.</summary>
    /// <param name="inputs">The prompt.</param>
    /// <param name="options">The options, or null.</param>
    public static Models.GenerateRequest CreateRequest(string inputs, GenerateOptions? options) =>
        new() { Inputs = inputs, Parameters = CreateParameters(options) };

    /// <summary>Builds the compat route's body: the same, plus <c>"stream": true</c> when streaming (never <c>false</c>).</summary>
    public static Models.CompatGenerateRequest CreateCompatRequest(string inputs, GenerateOptions? options, bool stream) =>
        new() { Inputs = inputs, Parameters = CreateParameters(options), Stream = stream ? true : null };

    /// <summary>Maps a <c>GenerateResponse</c>.</summary>
    public static GenerateResponse ReadResponse(JsonElement e) =>
        FromModel(KiotaBridge.Parse(e, Models.GenerateResponse.CreateFromDiscriminatorValue));

    /// <summary>Maps the compat route's 1-element array (or a bare object, to be lenient).</summary>
    public static GenerateResponse ReadCompatResponse(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array
            ? FromModel(KiotaBridge.ParseCollection(e, Models.GenerateResponse.CreateFromDiscriminatorValue).FirstOrDefault() ?? throw new JsonException("The compat route answered with an empty array."))
            : ReadResponse(e);

    private static GenerateResponse FromModel(Models.GenerateResponse m) =>
        new(m.GeneratedText ?? string.Empty, m.Details is { } d ? FromModel(d) : null);

    private static Models.GenerateParameters? CreateParameters(GenerateOptions? o)
    {
        // TGI: sending "parameters" at all turns do_sample's default from true to false (API.md §3), so the
        // object is built only when the caller set something.
        if (o is null || !HasAnyParameter(o))
        {
            return null;
        }

        return new Models.GenerateParameters
        {
            BestOf = o.BestOf,
            Temperature = o.Temperature,
            RepetitionPenalty = o.RepetitionPenalty,
            FrequencyPenalty = o.FrequencyPenalty,
            TopK = o.TopK,
            TopP = WireRules.TopP(o.TopP),
            TypicalP = o.TypicalP,
            DoSample = o.DoSample,
            MaxNewTokens = o.MaxNewTokens,
            ReturnFullText = o.ReturnFullText,
            Stop = WireRules.Stop(o.StopSequences),
            Truncate = o.Truncate,
            Watermark = o.Watermark,
            Details = o.Details,
            DecoderInputDetails = o.DecoderInputDetails,
            Seed = o.Seed,
            TopNTokens = o.TopNTokens,
            Grammar = o.Grammar is { } grammar ? WireRules.Grammar(grammar) : null,
            AdapterId = o.AdapterId,
        };
    }

    private static bool HasAnyParameter(GenerateOptions o) =>
        o.BestOf is not null || o.Temperature is not null || o.RepetitionPenalty is not null || o.FrequencyPenalty is not null
        || o.TopK is not null || WireRules.SendsTopP(o.TopP) || o.TypicalP is not null || o.DoSample is not null
        || o.MaxNewTokens is not null || o.ReturnFullText is not null || o.StopSequences.Count > 0 || o.Truncate is not null
        || o.Watermark is not null || o.Details is not null || o.DecoderInputDetails is not null || o.Seed is not null
        || o.TopNTokens is not null || o.Grammar is not null || o.AdapterId is not null;

    private static GenerateDetails FromModel(Models.Details d) =>
        new(
            new FinishReason(d.FinishReason ?? string.Empty),
            d.GeneratedTokens ?? 0,
            Seed(d.Seed),
            Prefill(d.Prefill),
            Tokens(d.Tokens),
            TopTokens(d.TopTokens),
            BestOf(d.BestOfSequences));

    private static ulong? Seed(decimal? seed) =>
        seed is { } s && s >= 0 && s <= ulong.MaxValue && decimal.Truncate(s) == s ? (ulong)s : null;

    private static PrefillToken[] Prefill(List<Models.PrefillToken>? prefill) =>
        prefill is null ? [] : [.. prefill.Select(static t => new PrefillToken(t.Id ?? 0, t.Text ?? string.Empty, t.Logprob))];

    private static TgiToken[] Tokens(List<Models.Token>? tokens) =>
        tokens is null ? [] : [.. tokens.Select(static t => new TgiToken(t.Id ?? 0, t.Text ?? string.Empty, t.Logprob, t.Special ?? false))];

    private static IReadOnlyList<TgiToken>[] TopTokens(UntypedNode? topTokens)
    {
        // TGI: top_tokens is present only when top_n_tokens > 0: one array of tokens per generated token
        // (API.md §4, §9.9). Kiota cannot type nested arrays, so the generated model holds it untyped.
        if (topTokens is not UntypedArray steps)
        {
            return [];
        }

        return [.. steps.GetValue().Select(static step => step is UntypedArray alternatives
            ? (IReadOnlyList<TgiToken>)[.. alternatives.GetValue().OfType<UntypedObject>().Select(UntypedToken)]
            : [])];
    }

    private static TgiToken UntypedToken(UntypedObject token)
    {
        IDictionary<string, UntypedNode> fields = token.GetValue();
        return new TgiToken(
            UntypedJson.ToInt32(fields.TryGetValue("id", out UntypedNode? id) ? id : null),
            fields.TryGetValue("text", out UntypedNode? text) && text is UntypedString s ? s.GetValue() ?? string.Empty : string.Empty,
            UntypedJson.ToSingle(fields.TryGetValue("logprob", out UntypedNode? logprob) ? logprob : null),
            fields.TryGetValue("special", out UntypedNode? special) && special is UntypedBoolean b && b.GetValue());
    }

    private static BestOfSequence[] BestOf(List<Models.BestOfSequence>? sequences) =>
        // TGI: best_of_sequences is present only when best_of > 1 (API.md §4).
        sequences is null
            ? []
            : [.. sequences.Select(static s => new BestOfSequence(
                s.GeneratedText ?? string.Empty,
                new FinishReason(s.FinishReason ?? string.Empty),
                s.GeneratedTokens ?? 0,
                Seed(s.Seed),
                Prefill(s.Prefill),
                Tokens(s.Tokens),
                TopTokens(s.TopTokens)))];
}
