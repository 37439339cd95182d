// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>TGI's <c>GenerateParameters</c> after binding; chat and completions requests map onto it too.</summary>
internal sealed class GenerateParameters
{
    public int? BestOf { get; set; }

    public float? Temperature { get; set; }

    public float? RepetitionPenalty { get; set; }

    public float? FrequencyPenalty { get; set; }

    public int? TopK { get; set; }

    public float? TopP { get; set; }

    public float? TypicalP { get; set; }

    public bool DoSample { get; set; }

    public int? MaxNewTokens { get; set; }

    public bool? ReturnFullText { get; set; }

    public List<string> Stop { get; set; } = [];

    public int? Truncate { get; set; }

    public bool Details { get; set; }

    public bool DecoderInputDetails { get; set; }

    public ulong? Seed { get; set; }

    public int? TopNTokens { get; set; }

    public GrammarRequest? Grammar { get; set; }

    /// <summary>TGI: sampling is on with do_sample, a temperature other than 1, top_k, top_p below 1 or typical_p below 1.</summary>
    public bool UsesSampling =>
        DoSample || (Temperature is { } t && t != 1f) || TopK is not null || (TopP is { } p && p < 1f) || (TypicalP is { } q && q < 1f);
}
