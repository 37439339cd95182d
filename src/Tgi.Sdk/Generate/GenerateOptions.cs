// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Generate;

/// <summary>
/// The <c>parameters</c> of a native <c>/generate</c>, <c>/generate_stream</c> or compat <c>/</c> request. Every
/// property is optional: only what you set is sent, and TGI applies its own defaults to the rest.
/// </summary>
/// <remarks>
/// <para>TGI: when no parameter is set the SDK omits <c>parameters</c> entirely, and TGI then samples
/// (<c>do_sample</c> defaults to true); as soon as any parameter is sent, <c>do_sample</c> defaults to false unless a
/// sampling parameter (temperature ≠ 1, top_k, top_p, typical_p) is set.</para>
/// <para>Ranges are left to TGI, which answers 422 <c>validation</c>.</para>
/// </remarks>
public sealed class GenerateOptions
{
    private readonly List<string> _stopSequences = [];

    /// <summary>Gets or sets <c>best_of</c>: generate N sequences and return the best (not allowed when streaming).</summary>
    public int? BestOf { get; set; }

    /// <summary>Gets or sets <c>temperature</c> (must be &gt; 0).</summary>
    public float? Temperature { get; set; }

    /// <summary>Gets or sets <c>repetition_penalty</c> (must be &gt; 0; 1.0 means none).</summary>
    public float? RepetitionPenalty { get; set; }

    /// <summary>Gets or sets <c>frequency_penalty</c> (in [-2, 2]).</summary>
    public float? FrequencyPenalty { get; set; }

    /// <summary>Gets or sets <c>top_k</c> (must be &gt; 0).</summary>
    public int? TopK { get; set; }

    /// <summary>
    /// Gets or sets <c>top_p</c>, in (0, 1). TGI rejects 1.0, which means "no nucleus filtering"; the SDK therefore
    /// omits <c>top_p</c> when it is 1.0, which has exactly that effect.
    /// </summary>
    public float? TopP { get; set; }

    /// <summary>Gets or sets <c>typical_p</c>, in (0, 1).</summary>
    public float? TypicalP { get; set; }

    /// <summary>Gets or sets <c>do_sample</c>.</summary>
    public bool? DoSample { get; set; }

    /// <summary>Gets or sets <c>max_new_tokens</c>. When unset TGI generates until EOS or the context is full (≥3.0; 100 before).</summary>
    public int? MaxNewTokens { get; set; }

    /// <summary>Gets or sets <c>return_full_text</c>: prepend the prompt to the generated text.</summary>
    public bool? ReturnFullText { get; set; }

    /// <summary>Gets the stop sequences (<c>stop</c>, at most 4 by default). Sent only when not empty; TGI keeps the matched text.</summary>
    public IList<string> StopSequences => _stopSequences;

    /// <summary>Gets or sets <c>truncate</c>: keep only the last N prompt tokens.</summary>
    public int? Truncate { get; set; }

    /// <summary>Gets or sets <c>watermark</c>.</summary>
    public bool? Watermark { get; set; }

    /// <summary>Gets or sets <c>details</c>: return the finish reason, token count, seed and tokens (TGI defaults to false).</summary>
    public bool? Details { get; set; }

    /// <summary>Gets or sets <c>decoder_input_details</c>: also return the prompt tokens (prefill). Not allowed when streaming.</summary>
    public bool? DecoderInputDetails { get; set; }

    /// <summary>Gets or sets <c>seed</c> (not allowed with best_of &gt; 1).</summary>
    public ulong? Seed { get; set; }

    /// <summary>Gets or sets <c>top_n_tokens</c>: return the N most likely tokens at each step (at most 5 by default).</summary>
    public int? TopNTokens { get; set; }

    /// <summary>Gets or sets <c>grammar</c>: constrain the output to a JSON Schema or a regex.</summary>
    public TgiGrammar? Grammar { get; set; }

    /// <summary>Gets or sets <c>adapter_id</c>: the LoRA adapter. TGI silently uses the base model for an unknown id.</summary>
    public string? AdapterId { get; set; }

    /// <summary>Copies the options, so a method can change its copy without touching the caller's.</summary>
    internal GenerateOptions Clone()
    {
        GenerateOptions copy = new()
        {
            BestOf = BestOf,
            Temperature = Temperature,
            RepetitionPenalty = RepetitionPenalty,
            FrequencyPenalty = FrequencyPenalty,
            TopK = TopK,
            TopP = TopP,
            TypicalP = TypicalP,
            DoSample = DoSample,
            MaxNewTokens = MaxNewTokens,
            ReturnFullText = ReturnFullText,
            Truncate = Truncate,
            Watermark = Watermark,
            Details = Details,
            DecoderInputDetails = DecoderInputDetails,
            Seed = Seed,
            TopNTokens = TopNTokens,
            Grammar = Grammar,
            AdapterId = AdapterId,
        };
        copy._stopSequences.AddRange(_stopSequences);
        return copy;
    }
}
