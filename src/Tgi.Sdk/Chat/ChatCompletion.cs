// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Chat;

/// <summary>A chat completion, with TGI's single choice flattened.</summary>
public sealed class ChatCompletion
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="id">The id (TGI sends <c>""</c>).</param>
    /// <param name="model">The model.</param>
    /// <param name="created">The creation time.</param>
    /// <param name="systemFingerprint">The system fingerprint (<c>&lt;version&gt;-&lt;label&gt;</c>).</param>
    /// <param name="role">The role of the message.</param>
    /// <param name="content">The text, or null for tool calls.</param>
    /// <param name="toolCalls">The tool calls.</param>
    /// <param name="finishReason">Why generation stopped.</param>
    /// <param name="usage">The token counts.</param>
    /// <param name="logprobs">The token log-probabilities, with <c>logprobs</c>.</param>
    public ChatCompletion(
        string id,
        string model,
        DateTimeOffset created,
        string? systemFingerprint,
        ChatRole role,
        string? content,
        IReadOnlyList<ChatToolCall> toolCalls,
        FinishReason? finishReason,
        TokenUsage? usage,
        IReadOnlyList<ChatTokenLogprob>? logprobs)
    {
        Id = id ?? string.Empty;
        Model = model ?? string.Empty;
        Created = created;
        SystemFingerprint = systemFingerprint;
        Role = role;
        Content = content;
        ToolCalls = toolCalls ?? [];
        FinishReason = finishReason;
        Usage = usage;
        Logprobs = logprobs;
    }

    /// <summary>Gets the id (TGI always sends an empty string).</summary>
    public string Id { get; }

    /// <summary>Gets the model: the served model id, or (≥3.0) the requested <c>model</c>.</summary>
    public string Model { get; }

    /// <summary>Gets the creation time.</summary>
    public DateTimeOffset Created { get; }

    /// <summary>Gets the system fingerprint, which names the TGI version.</summary>
    public string? SystemFingerprint { get; }

    /// <summary>Gets the role of the message (assistant).</summary>
    public ChatRole Role { get; }

    /// <summary>Gets the text; null when the model called a tool (TGI omits <c>content</c> then).</summary>
    public string? Content { get; }

    /// <summary>Gets the tool calls (TGI returns at most one).</summary>
    public IReadOnlyList<ChatToolCall> ToolCalls { get; }

    /// <summary>Gets why generation stopped: <c>stop</c>, <c>length</c>, <c>stop_sequence</c>, or <c>eos_token</c> on ≤2.2. Tool calls finish with <c>stop</c>.</summary>
    public FinishReason? FinishReason { get; }

    /// <summary>Gets the token counts.</summary>
    public TokenUsage? Usage { get; }

    /// <summary>Gets the token log-probabilities; null unless <c>logprobs</c> was requested.</summary>
    public IReadOnlyList<ChatTokenLogprob>? Logprobs { get; }
}
