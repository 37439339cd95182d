// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;

namespace Tgi.Sdk.Testing;

/// <summary>
/// Runs the generator and applies TGI's stopping criteria in the shard's order: length first, then EOS, then a stop
/// sequence at the end of the output (the stop text is kept).
/// </summary>
internal static class GenerationEngine
{
    public static CompletedSequence Run(GenerationPlan plan, TgiGenerator generator, int sequenceIndex = 0)
    {
        var request = new TgiGenerationRequest(plan.Route, plan.Prompt, plan.InputTokens)
        {
            Messages = plan.Messages,
            MaxNewTokens = plan.MaxNewTokens,
            Stop = plan.Stop,
            Seed = plan.Seed,
            DoSample = plan.Sampling,
            Temperature = plan.Temperature,
            Grammar = plan.Grammar,
            ToolGrammar = plan.ToolGrammar,
            SequenceIndex = sequenceIndex,
        };

        TgiGeneration generation = generator.Generate(request);
        var kept = new List<TgiGeneratedToken>(Math.Min(generation.Tokens.Count, plan.MaxNewTokens));
        var text = new StringBuilder();
        FinishReason finish = FinishReason.Length;
        foreach (TgiGeneratedToken token in generation.Tokens)
        {
            kept.Add(token);
            if (!token.Special)
            {
                text.Append(token.Text);
            }

            if (kept.Count >= plan.MaxNewTokens)
            {
                finish = FinishReason.Length;
                break;
            }

            if (token.IsEndOfSequence)
            {
                finish = FinishReason.EosToken;
                break;
            }

            if (EndsWithStop(text, plan.Stop))
            {
                finish = FinishReason.StopSequence;
                break;
            }
        }

        ulong? seed = plan.Sampling ? plan.Seed ?? generation.Seed ?? DerivedSeed(plan.Prompt, sequenceIndex) : null;
        IReadOnlyList<TgiGeneratedToken> prefill = generation.Prefill ?? PrefillOf(plan.Prompt, plan.Truncate);
        string generatedText = generation.Text is { } decoded && kept.Count == generation.Tokens.Count ? decoded : text.ToString();
        return new CompletedSequence(kept, finish, generatedText, seed, prefill, generation.PromptTokens);
    }

    /// <summary>TGI best_of: N sequences, the one with the highest mean logprob wins; the others follow in order.</summary>
    public static List<CompletedSequence> RunBestOf(GenerationPlan plan, TgiGenerator generator)
    {
        var sequences = new List<CompletedSequence>(plan.BestOf);
        for (int i = 0; i < plan.BestOf; i++)
        {
            sequences.Add(Run(plan, generator, i));
        }

        int best = 0;
        for (int i = 1; i < sequences.Count; i++)
        {
            if (sequences[i].MeanLogprob > sequences[best].MeanLogprob)
            {
                best = i;
            }
        }

        CompletedSequence winner = sequences[best];
        sequences.RemoveAt(best);
        sequences.Insert(0, winner);
        return sequences;
    }

    public static IReadOnlyList<TgiGeneratedToken> PrefillOf(string prompt, int? truncate)
    {
        List<TokenSpan> spans = EmulatorTokenizer.Tokenize(prompt, addBos: true);
        int skip = truncate is { } keep && keep < spans.Count ? spans.Count - keep : 0;
        var prefill = new List<TgiGeneratedToken>(spans.Count - skip);
        for (int i = skip; i < spans.Count; i++)
        {
            TokenSpan span = spans[i];

            // TGI: the first prefill token has no logprob (NaN, sent as null).
            float? logprob = prefill.Count == 0 ? null : DeterministicGenerator.LogprobOf(span.Text);
            prefill.Add(new TgiGeneratedToken(span.Id, span.Text, logprob, span.Special, isEndOfSequence: false));
        }

        return prefill;
    }

    private static bool EndsWithStop(StringBuilder text, IReadOnlyList<string> stops)
    {
        foreach (string stop in stops)
        {
            if (stop.Length > 0 && text.Length >= stop.Length && EndsWith(text, stop))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWith(StringBuilder text, string suffix)
    {
        int offset = text.Length - suffix.Length;
        for (int i = 0; i < suffix.Length; i++)
        {
            if (text[offset + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static ulong DerivedSeed(string prompt, int sequenceIndex) =>
        StableHash.Mix(StableHash.Of(prompt, 31), (ulong)sequenceIndex) * 2654435761UL;
}
