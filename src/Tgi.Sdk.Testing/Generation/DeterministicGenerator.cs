// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>
/// The default model: text picked from a small vocabulary by a hash of the prompt (plus seed and best_of index), with
/// spaces, punctuation and some non-ASCII text, ending with <c>&lt;/s&gt;</c>. Grammar and tool requests get output that fits.
/// </summary>
internal sealed class DeterministicGenerator : TgiGenerator
{
    private static readonly string[] s_words =
    [
        " The", " model", " answers", " quickly", ",", " and", " the", " café", " in", " 日本", " costs", " 5", "€",
        ".", " Hello", " world", "!", " It", " is", " a", " test", " of", " streaming", " tokens", " naïve", " data",
        "\n", " over", " HTTP", ":", " yes", ";", " 42",
    ];

    public override TgiGeneration Generate(TgiGenerationRequest request)
    {
        uint hash = StableHash.Of(request.Prompt);
        hash = StableHash.Mix(hash, request.Seed ?? 0);
        hash = StableHash.Mix(hash, (ulong)request.SequenceIndex);

        if (request.ToolGrammar.Count > 0)
        {
            // Once a tool has answered, the model declines another call where the grammar lets it (tool_choice auto
            // adds no_tool, or notify_error on 2.0.1–2.3.0), so a tool loop ends with an answer as with a real model.
            bool answered = request.Messages.Count > 0 && request.Messages[^1].Role == "tool";
            return new TgiGeneration(MergeJsonPunctuation(TokensOf(ToolCallText.Build(request.ToolGrammar, hash, decline: answered), appendEos: true)));
        }

        if (request.Grammar is { } grammar)
        {
            string text = grammar.Kind == TgiRequestedGrammarKind.Json && grammar.Schema is { } schema
                ? JsonSchemaSampler.Sample(schema, hash)
                : RegexSampler.Sample(grammar.Regex ?? string.Empty);
            return new TgiGeneration(TokensOf(text, appendEos: true));
        }

        int count = 6 + (int)(hash % 12);
        var tokens = new List<TgiGeneratedToken>(count + 1);
        uint state = hash;
        for (int i = 0; i < count; i++)
        {
            state = (state * 1103515245) + 12345;
            tokens.Add(TokenFor(s_words[(state >> 8) % s_words.Length]));
        }

        tokens.Add(Eos());
        return new TgiGeneration(tokens);
    }

    internal static TgiGeneratedToken TokenFor(string text) =>
        new(EmulatorTokenizer.IdOf(text), text, LogprobOf(text), special: false);

    internal static TgiGeneratedToken Eos() =>
        new(EmulatorTokenizer.EosId, EmulatorTokenizer.EosText, -0.0625f, special: true, isEndOfSequence: true);

    internal static List<TgiGeneratedToken> TokensOf(string text, bool appendEos)
    {
        List<TokenSpan> spans = EmulatorTokenizer.Tokenize(text, addBos: false);
        var tokens = new List<TgiGeneratedToken>(spans.Count + 1);
        foreach (TokenSpan span in spans)
        {
            tokens.Add(new TgiGeneratedToken(span.Id, span.Text, LogprobOf(span.Text), special: false));
        }

        if (appendEos)
        {
            tokens.Add(Eos());
        }

        return tokens;
    }

    /// <summary>
    /// Joins punctuation the way LLM vocabularies do (<c>",</c>, <c> "</c>, <c>"}}</c>), so TGI's tool-stream parser sees
    /// the function name close on a <c>",</c> token and the call close on a <c>"}}</c> token, as with real models.
    /// </summary>
    internal static List<TgiGeneratedToken> MergeJsonPunctuation(List<TgiGeneratedToken> tokens)
    {
        var merged = new List<TgiGeneratedToken>(tokens.Count);
        foreach (TgiGeneratedToken token in tokens)
        {
            if (merged.Count > 0 && !token.Special && ShouldMerge(merged[^1].Text, token.Text))
            {
                merged[^1] = TokenFor(merged[^1].Text + token.Text);
            }
            else
            {
                merged.Add(token);
            }
        }

        return merged;
    }

    private static bool ShouldMerge(string previous, string next) => (previous, next) switch
    {
        ("\"", ",") => true,
        (" ", "\"") => true,
        ("}", "}") => true,
        ("\"", "}}") => true,
        _ => false,
    };

    /// <summary>A logprob in (-2.5, 0] that is exact in binary (a multiple of 1/256), so it prints the same everywhere.</summary>
    internal static float LogprobOf(string text) => -(StableHash.Of(text, 7) % 640) / 256f;

    internal static string WordFor(uint hash) => s_words[hash % s_words.Length].Trim() is { Length: > 0 } word && char.IsLetter(word[0])
        ? word
        : "value";

}
