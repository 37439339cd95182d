// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Generate;

/// <summary>The details of a <c>/generate</c> result (TGI: <c>details</c>).</summary>
public sealed class GenerateDetails
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="finishReason">Why generation stopped.</param>
    /// <param name="generatedTokens">The number of generated tokens.</param>
    /// <param name="seed">The seed, when sampling was used.</param>
    /// <param name="prefill">The prompt tokens.</param>
    /// <param name="tokens">The generated tokens.</param>
    /// <param name="topTokens">The top tokens per step.</param>
    /// <param name="bestOfSequences">The other best-of sequences.</param>
    public GenerateDetails(
        FinishReason finishReason,
        int generatedTokens,
        ulong? seed,
        IReadOnlyList<PrefillToken> prefill,
        IReadOnlyList<TgiToken> tokens,
        IReadOnlyList<IReadOnlyList<TgiToken>> topTokens,
        IReadOnlyList<BestOfSequence> bestOfSequences)
    {
        FinishReason = finishReason;
        GeneratedTokens = generatedTokens;
        Seed = seed;
        Prefill = prefill ?? [];
        Tokens = tokens ?? [];
        TopTokens = topTokens ?? [];
        BestOfSequences = bestOfSequences ?? [];
    }

    /// <summary>Gets why generation stopped: <c>length</c>, <c>eos_token</c> or <c>stop_sequence</c>.</summary>
    public FinishReason FinishReason { get; }

    /// <summary>Gets the number of generated tokens.</summary>
    public int GeneratedTokens { get; }

    /// <summary>Gets the seed; TGI echoes it only when sampling was used.</summary>
    public ulong? Seed { get; }

    /// <summary>Gets the prompt tokens (with <c>decoder_input_details</c>; empty on flash models unless prefill logprobs are enabled).</summary>
    public IReadOnlyList<PrefillToken> Prefill { get; }

    /// <summary>Gets the generated tokens.</summary>
    public IReadOnlyList<TgiToken> Tokens { get; }

    /// <summary>Gets the top tokens at each step (empty unless <c>top_n_tokens</c> &gt; 0).</summary>
    public IReadOnlyList<IReadOnlyList<TgiToken>> TopTokens { get; }

    /// <summary>Gets the other sequences generated with <c>best_of</c> &gt; 1 (empty otherwise).</summary>
    public IReadOnlyList<BestOfSequence> BestOfSequences { get; }
}
