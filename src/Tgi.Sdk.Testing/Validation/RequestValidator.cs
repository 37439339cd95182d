// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>
/// TGI's validation rules, in TGI's order, with TGI's messages. Every failure is a 422 <c>validation</c>
/// error "Input validation error: ...". Tokenization uses the emulator's tokenizer.
/// </summary>
internal static class RequestValidator
{
    private const int ChunkSize = 1024;

    public static ValidatedInput Validate(string inputs, GenerateParameters p, EmulatorState state, bool addBos = true)
    {
        TgiEmulatorOptions options = state.Options;
        int bestOf = p.BestOf ?? 1;

        // TGI: best_of/sampling first.
        bool sampling = p.DoSample || p.Temperature is not null || p.TopK is not null || p.TopP is not null || p.TypicalP is not null;
        if (bestOf > 1 && !sampling)
        {
            throw TgiError.Validation("you must use sampling when `best_of` is > 1");
        }

        if (options.MaxBestOf == 1 && bestOf != 1)
        {
            throw TgiError.Validation("`best_of` != 1 is not allowed for this endpoint");
        }

        if (bestOf == 0 || bestOf > options.MaxBestOf)
        {
            throw TgiError.Validation($"`best_of` must be > 0 and <= {options.MaxBestOf}. Given: {bestOf}");
        }

        if (p.Temperature is { } temperature && temperature <= 0f)
        {
            throw TgiError.Validation("`temperature` must be strictly positive");
        }

        if (p.RepetitionPenalty is { } repetition && repetition <= 0f)
        {
            throw TgiError.Validation("`repetition_penalty` must be strictly positive");
        }

        if (p.FrequencyPenalty is { } frequency && (frequency < -2f || frequency > 2f))
        {
            throw TgiError.Validation("`frequency_penalty` must be >= -2.0 and <= 2.0");
        }

        // TGI: §2.3 top_p is exclusive on both ends; 1.0 (the OpenAI default) is rejected.
        if (p.TopP is { } topP && (topP <= 0f || topP >= 1f))
        {
            throw TgiError.Validation("`top_p` must be > 0.0 and < 1.0");
        }

        if (p.TypicalP is { } typicalP && (typicalP <= 0f || typicalP >= 1f))
        {
            throw TgiError.Validation("`typical_p` must be > 0.0 and < 1.0");
        }

        if (p.TopK is { } topK && topK <= 0)
        {
            throw TgiError.Validation("`top_k` must be strictly positive");
        }

        if (p.MaxNewTokens == 0)
        {
            throw TgiError.Validation("`max_new_tokens` must be strictly positive");
        }

        if (p.Stop.Count > options.MaxStopSequences)
        {
            throw TgiError.Validation($"`stop` supports up to {options.MaxStopSequences} stop sequences. Given: {p.Stop.Count}");
        }

        if (bestOf > 1 && p.Seed is not null)
        {
            throw TgiError.Validation("`seed` must not be set when `best_of` > 1");
        }

        if (p.TopNTokens is { } topN && topN > options.MaxTopNTokens)
        {
            throw TgiError.Validation($"`top_n_tokens` must be >= 0 and <= {options.MaxTopNTokens}. Given: {topN}");
        }

        if (inputs.Length == 0)
        {
            throw TgiError.Validation("`inputs` cannot be empty");
        }

        if (p.Truncate is { } truncate && (truncate == 0 || truncate > options.MaxInputTokens))
        {
            throw TgiError.Validation($"`truncate` must be strictly positive and less than {options.MaxInputTokens}. Given: {truncate}");
        }

        int inputTokens = EmulatorTokenizer.Count(inputs, addBos);
        if (p.Truncate is { } keep && keep < inputTokens)
        {
            // TGI: truncate keeps the last N input tokens.
            inputTokens = keep;
        }

        int available = Math.Max(0, options.MaxTotalTokens - inputTokens);
        int? requested = p.MaxNewTokens ?? state.Profile.DefaultMaxNewTokens;
        int checkedTokens = requested ?? available;

        // TGI ≥3.1.1: only the first 1024-token chunk is validated against the context.
        if (state.Profile.Version >= new Version(3, 1, 1))
        {
            checkedTokens = Math.Min(checkedTokens, ChunkSize);
        }

        if ((long)inputTokens + checkedTokens > options.MaxTotalTokens)
        {
            throw TgiError.Validation(
                $"`inputs` tokens + `max_new_tokens` must be <= {options.MaxTotalTokens}. Given: {inputTokens} `inputs` tokens and {checkedTokens} `max_new_tokens`");
        }

        if (inputTokens > options.MaxInputTokens)
        {
            throw TgiError.Validation($"`inputs` must have less than {options.MaxInputTokens} tokens. Given: {inputTokens}");
        }

        TgiRequestedGrammar? grammar = p.Grammar is null ? null : CompileGrammar(p.Grammar, options);

        // Generation stops silently when the context fills (TGI: finish "length").
        int maxNewTokens = Math.Min(requested ?? available, available);
        return new ValidatedInput(inputs, inputTokens, maxNewTokens, grammar, bestOf);
    }

    public static TgiRequestedGrammar CompileGrammar(GrammarRequest request, TgiEmulatorOptions options)
    {
        if (!options.GrammarSupport)
        {
            throw TgiError.Validation("grammar is not supported");
        }

        if (request.Type == "regex")
        {
            return new TgiRequestedGrammar(TgiRequestedGrammarKind.Regex, schema: null, regex: request.Value.GetString());
        }

        JsonElement schema = request.Type == "json_schema" ? request.Value.GetProperty("schema") : request.Value;
        if (schema.ValueKind == JsonValueKind.String)
        {
            try
            {
                using JsonDocument parsed = JsonDocument.Parse(schema.GetString()!);
                schema = parsed.RootElement.Clone();
            }
            catch (JsonException exception)
            {
                string where = string.Create(CultureInfo.InvariantCulture, $"at line {(exception.LineNumber ?? 0) + 1} column {(exception.BytePositionInLine ?? 0) + 1}");
                throw TgiError.Validation("grammar is not valid: expected value " + where);
            }
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw TgiError.Validation("grammar is not supported");
        }

        if (!schema.TryGetProperty("properties", out _))
        {
            throw TgiError.Validation("grammar is not valid: Grammar must have a 'properties' field");
        }

        return new TgiRequestedGrammar(TgiRequestedGrammarKind.Json, schema, regex: null);
    }
}
