// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Chat;

/// <summary>
/// The optional fields of a chat request (<c>ChatRequest</c>). Only what you set is sent; TGI's
/// defaults apply to the rest.
/// </summary>
public sealed class ChatCompletionOptions
{
    private readonly List<string> _stopSequences = [];
    private readonly List<ChatTool> _tools = [];

    /// <summary>
    /// Gets or sets <c>model</c>. TGI uses any value other than <c>tgi</c> as the LoRA adapter id (an unknown id
    /// silently uses the base model); since 3.0 it is echoed back. Leave unset for the served model (required ≤2.1).
    /// </summary>
    public string? Model { get; set; }

    /// <summary>Gets or sets <c>max_tokens</c>. Unset: until EOS or the context is full (≥3.0; 100 on ≤2.4.1).</summary>
    public int? MaxTokens { get; set; }

    /// <summary>Gets or sets <c>temperature</c>. TGI: 0 means greedy; unset means sampling at 1.0.</summary>
    public float? Temperature { get; set; }

    /// <summary>
    /// Gets or sets <c>top_p</c>, in (0, 1). TGI rejects 1.0 (OpenAI's default); the SDK omits it when it is 1.0,
    /// which means the same thing: no nucleus filtering.
    /// </summary>
    public float? TopP { get; set; }

    /// <summary>Gets or sets <c>frequency_penalty</c>, in [-2, 2].</summary>
    public float? FrequencyPenalty { get; set; }

    /// <summary>
    /// Gets or sets <c>presence_penalty</c>. Sent only when set, because TGI does not treat it as OpenAI does: it
    /// becomes <c>repetition_penalty = presence_penalty + 2.0</c>, so 0 is a strong penalty (2.0) and -2 is rejected
    /// (a repetition penalty of 0). Use -1 for "no penalty" (1.0).
    /// </summary>
    public float? PresencePenalty { get; set; }

    /// <summary>Gets the stop sequences (<c>stop</c>, array only). Sent only when not empty.</summary>
    public IList<string> StopSequences => _stopSequences;

    /// <summary>Gets or sets <c>seed</c>.</summary>
    public ulong? Seed { get; set; }

    /// <summary>Gets or sets <c>logprobs</c>: return the log-probability of each generated token.</summary>
    public bool? Logprobs { get; set; }

    /// <summary>Gets or sets <c>top_logprobs</c> (TGI's <c>top_n_tokens</c>, at most 5 by default).</summary>
    public int? TopLogprobs { get; set; }

    /// <summary>
    /// Gets or sets <c>stream_options.include_usage</c> for streaming calls (TGI ≥2.3). Sent only when set and only
    /// when streaming; <c>stream_options: null</c> is never sent (TGI ≥3.2 rejects it).
    /// </summary>
    public bool? IncludeUsage { get; set; }

    /// <summary>Gets the tools (<c>tools</c>). Sent only when not empty. TGI rejects tools combined with <see cref="ResponseFormat"/>.</summary>
    public IList<ChatTool> Tools => _tools;

    /// <summary>Gets or sets <c>tool_choice</c>.</summary>
    public ChatToolChoice? ToolChoice { get; set; }

    /// <summary>Gets or sets <c>tool_prompt</c>: the text appended after the tools (TGI has its own default).</summary>
    public string? ToolPrompt { get; set; }

    /// <summary>Gets or sets <c>response_format</c>: a grammar (TGI's <c>{"type","value"}</c> shape).</summary>
    public TgiGrammar? ResponseFormat { get; set; }

    /// <summary>Copies the options, so a method can change its copy without touching the caller's.</summary>
    internal ChatCompletionOptions Clone()
    {
        ChatCompletionOptions copy = new()
        {
            Model = Model,
            MaxTokens = MaxTokens,
            Temperature = Temperature,
            TopP = TopP,
            FrequencyPenalty = FrequencyPenalty,
            PresencePenalty = PresencePenalty,
            Seed = Seed,
            Logprobs = Logprobs,
            TopLogprobs = TopLogprobs,
            IncludeUsage = IncludeUsage,
            ToolChoice = ToolChoice,
            ToolPrompt = ToolPrompt,
            ResponseFormat = ResponseFormat,
        };
        copy._stopSequences.AddRange(_stopSequences);
        copy._tools.AddRange(_tools);
        return copy;
    }
}
