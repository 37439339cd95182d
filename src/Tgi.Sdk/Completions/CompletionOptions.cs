// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Completions;

/// <summary>The optional fields of a <c>/v1/completions</c> request (<c>CompletionRequest</c>). Only what you set is sent.</summary>
public sealed class CompletionOptions
{
    private readonly List<string> _stopSequences = [];

    /// <summary>Gets or sets <c>model</c>: used as the LoRA adapter id unless it is <c>tgi</c>.</summary>
    public string? Model { get; set; }

    /// <summary>Gets or sets <c>max_tokens</c>.</summary>
    public int? MaxTokens { get; set; }

    /// <summary>Gets or sets <c>temperature</c>. TGI: 0 means greedy; unset means sampling.</summary>
    public float? Temperature { get; set; }

    /// <summary>Gets or sets <c>top_p</c>, in (0, 1); omitted when 1.0, which TGI rejects and which means no filtering.</summary>
    public float? TopP { get; set; }

    /// <summary>Gets or sets <c>seed</c>.</summary>
    public ulong? Seed { get; set; }

    /// <summary>Gets or sets <c>repetition_penalty</c> (a TGI extension).</summary>
    public float? RepetitionPenalty { get; set; }

    /// <summary>Gets or sets <c>frequency_penalty</c>.</summary>
    public float? FrequencyPenalty { get; set; }

    /// <summary>Gets the stop sequences (<c>stop</c>). Sent only when not empty.</summary>
    public IList<string> StopSequences => _stopSequences;
}
