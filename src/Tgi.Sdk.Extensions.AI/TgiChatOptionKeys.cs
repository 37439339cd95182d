// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Extensions.AI;

/// <summary>
/// Keys of TGI-only options in <c>ChatOptions.AdditionalProperties</c>. Chat takes <see cref="Grammar"/>,
/// <see cref="AdapterId"/> and <see cref="RepetitionPenalty"/>; the rest exist only on <c>/generate</c>.
/// </summary>
public static class TgiChatOptionKeys
{
    /// <summary>A <see cref="TgiGrammar"/> sent as <c>response_format</c> (overrides <c>ChatOptions.ResponseFormat</c>).</summary>
    public const string Grammar = "grammar";

    /// <summary>A LoRA adapter id (string); TGI's chat takes it as <c>model</c>.</summary>
    public const string AdapterId = "adapter_id";

    /// <summary>TGI's repetition penalty (number &gt; 0); chat sends it as <c>presence_penalty = value - 2</c>.</summary>
    public const string RepetitionPenalty = "repetition_penalty";

    /// <summary>Top-k sampling (integer); <c>/generate</c> only (also <c>ChatOptions.TopK</c>).</summary>
    public const string TopK = "top_k";

    /// <summary>Token details (boolean); <c>/generate</c> only. The details are in the response's raw representation.</summary>
    public const string Details = "details";

    /// <summary>Top tokens per position (integer); <c>/generate</c> only.</summary>
    public const string TopNTokens = "top_n_tokens";

    /// <summary>Typical-p sampling (number); <c>/generate</c> only.</summary>
    public const string TypicalP = "typical_p";

    /// <summary>Watermarking (boolean); <c>/generate</c> only.</summary>
    public const string Watermark = "watermark";

    /// <summary>Prompt truncation in tokens (integer); <c>/generate</c> only.</summary>
    public const string Truncate = "truncate";
}
