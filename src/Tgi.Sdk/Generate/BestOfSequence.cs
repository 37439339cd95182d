// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Generate;

/// <summary>One of the other sequences generated with <c>best_of</c> &gt; 1.</summary>
public sealed class BestOfSequence
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="generatedText">The generated text.</param>
    /// <param name="finishReason">Why generation stopped.</param>
    /// <param name="generatedTokens">The number of generated tokens.</param>
    /// <param name="seed">The seed, when sampling was used.</param>
    /// <param name="prefill">The prompt tokens.</param>
    /// <param name="tokens">The generated tokens.</param>
    /// <param name="topTokens">The top tokens per step.</param>
    public BestOfSequence(
        string generatedText,
        FinishReason finishReason,
        int generatedTokens,
        ulong? seed,
        IReadOnlyList<PrefillToken> prefill,
        IReadOnlyList<TgiToken> tokens,
        IReadOnlyList<IReadOnlyList<TgiToken>> topTokens)
    {
        GeneratedText = generatedText ?? string.Empty;
        FinishReason = finishReason;
        GeneratedTokens = generatedTokens;
        Seed = seed;
        Prefill = prefill ?? [];
        Tokens = tokens ?? [];
        TopTokens = topTokens ?? [];
    }

    /// <summary>Gets the generated text.</summary>
    public string GeneratedText { get; }

    /// <summary>Gets why generation stopped.</summary>
    public FinishReason FinishReason { get; }

    /// <summary>Gets the number of generated tokens.</summary>
    public int GeneratedTokens { get; }

    /// <summary>Gets the seed, when sampling was used.</summary>
    public ulong? Seed { get; }

    /// <summary>Gets the prompt tokens.</summary>
    public IReadOnlyList<PrefillToken> Prefill { get; }

    /// <summary>Gets the generated tokens.</summary>
    public IReadOnlyList<TgiToken> Tokens { get; }

    /// <summary>Gets the top tokens at each step (empty unless <c>top_n_tokens</c> &gt; 0).</summary>
    public IReadOnlyList<IReadOnlyList<TgiToken>> TopTokens { get; }
}
