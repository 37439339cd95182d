// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Internal;

namespace Tgi.Sdk.Chat;

/// <summary>One chunk of a chat stream, with the single choice flattened.</summary>
/// <remarks>
/// <para>A struct: a chunk costs no allocation beyond its text, which is kept as UTF-8 and decoded only when
/// <see cref="ContentDelta"/> is read; short texts come from a process-wide cache of token strings, so a repeated
/// token costs no allocation. The model, id and fingerprint strings are reused
/// across chunks.</para>
/// <para>TGI: every delta repeats the role; an EOS gives an empty content delta; the finish chunk carries
/// <see cref="FinishReason"/>; <see cref="Usage"/> arrives on a separate <c>choices: []</c> chunk (≥3.2), on the
/// finish chunk (2.3–3.1), or not at all (&lt;2.3, or without <c>include_usage</c>).</para>
/// </remarks>
public readonly struct ChatCompletionUpdate
{
    private readonly string? _contentDelta;
    private readonly ReadOnlyMemory<byte> _contentUtf8;
    private readonly bool _hasContentUtf8;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="id">The id.</param>
    /// <param name="model">The model.</param>
    /// <param name="created">The creation time, in Unix seconds.</param>
    /// <param name="systemFingerprint">The system fingerprint.</param>
    /// <param name="role">The role, when present.</param>
    /// <param name="contentDelta">The text delta.</param>
    /// <param name="toolCallUpdates">The tool-call fragments, or null.</param>
    /// <param name="finishReason">The finish reason, on the last content chunk.</param>
    /// <param name="usage">The token counts, when sent.</param>
    /// <param name="logprobs">The token log-probabilities, with <c>logprobs</c>.</param>
    public ChatCompletionUpdate(
        string? id,
        string? model,
        long created,
        string? systemFingerprint,
        ChatRole? role,
        string? contentDelta,
        IReadOnlyList<ChatToolCallUpdate>? toolCallUpdates,
        FinishReason? finishReason,
        TokenUsage? usage,
        IReadOnlyList<ChatTokenLogprob>? logprobs)
    {
        Id = id;
        Model = model;
        CreatedUnixSeconds = created;
        SystemFingerprint = systemFingerprint;
        Role = role;
        _contentDelta = contentDelta;
        ToolCallUpdates = toolCallUpdates ?? [];
        FinishReason = finishReason;
        Usage = usage;
        Logprobs = logprobs;
    }

    /// <summary>Initializes a new instance whose text delta is UTF-8, decoded when read (the streaming path).</summary>
    internal ChatCompletionUpdate(
        string? id,
        string? model,
        long created,
        string? systemFingerprint,
        ChatRole? role,
        ReadOnlyMemory<byte>? contentUtf8,
        IReadOnlyList<ChatToolCallUpdate>? toolCallUpdates,
        FinishReason? finishReason,
        TokenUsage? usage,
        IReadOnlyList<ChatTokenLogprob>? logprobs)
        : this(id, model, created, systemFingerprint, role, (string?)null, toolCallUpdates, finishReason, usage, logprobs)
    {
        _hasContentUtf8 = contentUtf8.HasValue;
        _contentUtf8 = contentUtf8.GetValueOrDefault();
    }

    /// <summary>Gets the id (TGI sends <c>""</c>).</summary>
    public string? Id { get; }

    /// <summary>Gets the model.</summary>
    public string? Model { get; }

    /// <summary>Gets the creation time in Unix seconds.</summary>
    public long CreatedUnixSeconds { get; }

    /// <summary>Gets the system fingerprint.</summary>
    public string? SystemFingerprint { get; }

    /// <summary>Gets the role, when the chunk carries one (TGI repeats <c>assistant</c> on every delta).</summary>
    public ChatRole? Role { get; }

    /// <summary>Gets the text delta; null when the chunk has no content.</summary>
    public string? ContentDelta => _contentDelta ?? (_hasContentUtf8 ? TokenTextCache.Shared.GetString(_contentUtf8.Span) : null);

    /// <summary>Gets the tool-call fragments (empty when none).</summary>
    public IReadOnlyList<ChatToolCallUpdate> ToolCallUpdates { get; }

    /// <summary>Gets the finish reason; null until the last content chunk. TGI ≥3.2 sends none after a tool call.</summary>
    public FinishReason? FinishReason { get; }

    /// <summary>Gets the token counts; set only on the chunk that carries them.</summary>
    public TokenUsage? Usage { get; }

    /// <summary>Gets the log-probabilities of this chunk's tokens, with <c>logprobs</c>.</summary>
    public IReadOnlyList<ChatTokenLogprob>? Logprobs { get; }
}
