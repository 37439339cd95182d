// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>One generated sequence after TGI's stopping criteria were applied.</summary>
internal sealed class CompletedSequence(
    IReadOnlyList<TgiGeneratedToken> tokens,
    FinishReason finishReason,
    string generatedText,
    ulong? seed,
    IReadOnlyList<TgiGeneratedToken> prefill,
    int? promptTokens = null)
{
    /// <summary>Gets the scripted prompt length to report, if the generator set one.</summary>
    public int? PromptTokens { get; } = promptTokens;

    /// <summary>The prompt length to report: the scripted one, else the validated count.</summary>
    public int ReportedPromptTokens(int validated) => PromptTokens ?? validated;

    public IReadOnlyList<TgiGeneratedToken> Tokens { get; } = tokens;

    public FinishReason FinishReason { get; } = finishReason;

    /// <summary>Gets the text of the non-special tokens (without the prompt).</summary>
    public string GeneratedText { get; } = generatedText;

    /// <summary>Gets the seed to echo (null when the request did not sample).</summary>
    public ulong? Seed { get; } = seed;

    public IReadOnlyList<TgiGeneratedToken> Prefill { get; } = prefill;

    public double MeanLogprob
    {
        get
        {
            double sum = 0;
            foreach (TgiGeneratedToken token in Tokens)
            {
                sum += token.Logprob ?? 0;
            }

            return Tokens.Count == 0 ? 0 : sum / Tokens.Count;
        }
    }

    public static string NativeName(FinishReason reason) => reason switch
    {
        FinishReason.EosToken => "eos_token",
        FinishReason.StopSequence => "stop_sequence",
        _ => "length",
    };
}
