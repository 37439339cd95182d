// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;

namespace Tgi.Sdk.Providers;

/// <summary>
/// A provider-neutral request: a prompt or messages, sampling options, tools, a grammar. The provider picks
/// <c>/v1/chat/completions</c> or <c>/generate</c> with <see cref="TgiRouteTable"/>.
/// </summary>
public sealed class TgiRequest
{
    /// <summary>Gets or sets a raw prompt (no chat template applied). Set this or <see cref="Messages"/>.</summary>
    public string? Prompt { get; set; }

    /// <summary>Gets the chat messages (the server applies the model's chat template). Set these or <see cref="Prompt"/>.</summary>
    public IList<ChatMessage> Messages { get; } = new List<ChatMessage>();

    /// <summary>Gets or sets the model id; requests go only to replicas serving it. Null: any replica.</summary>
    public string? Model { get; set; }

    /// <summary>Gets or sets the most tokens to generate.</summary>
    public int? MaxTokens { get; set; }

    /// <summary>Gets or sets the sampling temperature (TGI: must be &gt; 0; chat also takes 0 for greedy).</summary>
    public float? Temperature { get; set; }

    /// <summary>Gets or sets nucleus sampling (TGI: strictly between 0 and 1).</summary>
    public float? TopP { get; set; }

    /// <summary>Gets or sets the frequency penalty, in [-2, 2].</summary>
    public float? FrequencyPenalty { get; set; }

    /// <summary>
    /// Gets or sets TGI's repetition penalty (&gt; 0; 1 is none). On chat it is sent as
    /// <c>presence_penalty = repetition_penalty - 2</c>, the inverse of TGI's own mapping.
    /// </summary>
    public float? RepetitionPenalty { get; set; }

    /// <summary>Gets or sets the random seed.</summary>
    public ulong? Seed { get; set; }

    /// <summary>Gets the stop sequences (TGI: at most 4 by default).</summary>
    public IList<string> StopSequences { get; } = new List<string>();

    /// <summary>Gets the tools the model may call (chat only).</summary>
    public IList<ChatTool> Tools { get; } = new List<ChatTool>();

    /// <summary>Gets or sets the tool choice (chat only).</summary>
    public ChatToolChoice? ToolChoice { get; set; }

    /// <summary>Gets or sets the chat <c>response_format</c> (chat only).</summary>
    public TgiGrammar? ResponseFormat { get; set; }

    /// <summary>
    /// Gets or sets a grammar that constrains the output: with a prompt it is <c>/generate</c>'s <c>grammar</c>, with
    /// messages it is sent as chat's <c>response_format</c>.
    /// </summary>
    public TgiGrammar? Grammar { get; set; }

    /// <summary>Gets or sets top-k sampling (<c>/generate</c> only).</summary>
    public int? TopK { get; set; }

    /// <summary>Gets or sets typical-p sampling (<c>/generate</c> only).</summary>
    public float? TypicalP { get; set; }

    /// <summary>Gets or sets whether to sample (<c>/generate</c> only).</summary>
    public bool? DoSample { get; set; }

    /// <summary>Gets or sets whether to return token details (<c>/generate</c> only).</summary>
    public bool? Details { get; set; }

    /// <summary>Gets or sets how many top tokens to return per position (<c>/generate</c> only).</summary>
    public int? TopNTokens { get; set; }

    /// <summary>Gets or sets best-of-n generation (<c>/generate</c> only, not streaming).</summary>
    public int? BestOf { get; set; }

    /// <summary>Gets or sets whether to return the prompt's token details (<c>/generate</c> only, not streaming).</summary>
    public bool? DecoderInputDetails { get; set; }

    /// <summary>Gets or sets whether the prompt is prepended to the output (<c>/generate</c> only).</summary>
    public bool? ReturnFullText { get; set; }

    /// <summary>Gets or sets whether to watermark the output (<c>/generate</c> only).</summary>
    public bool? Watermark { get; set; }

    /// <summary>Gets or sets the LoRA adapter id (<c>/generate</c> only).</summary>
    public string? AdapterId { get; set; }

    /// <summary>Gets or sets prompt truncation in tokens (<c>/generate</c> only).</summary>
    public int? Truncate { get; set; }
}
