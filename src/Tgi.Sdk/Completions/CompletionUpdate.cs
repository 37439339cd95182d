// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Internal;

namespace Tgi.Sdk.Completions;

/// <summary>One chunk of a <c>/v1/completions</c> stream: a text delta of one prompt.</summary>
/// <remarks>
/// TGI: chunks of different prompts interleave, so group by <see cref="PromptIndex"/>. In-progress chunks carry
/// <c>finish_reason: ""</c> (read as null here); each prompt's last chunk carries the real finish reason
/// (<c>eos_token</c>, not <c>stop</c>) and that prompt's usage.
/// </remarks>
public readonly struct CompletionUpdate
{
    private readonly string? _textDelta;
    private readonly ReadOnlyMemory<byte> _textUtf8;
    private readonly bool _hasTextUtf8;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="promptIndex">The prompt's position in the batch.</param>
    /// <param name="textDelta">The text delta.</param>
    /// <param name="finishReason">The finish reason, on the prompt's last chunk.</param>
    /// <param name="usage">The prompt's token counts, on its last chunk.</param>
    /// <param name="model">The model.</param>
    /// <param name="createdUnixSeconds">The creation time in Unix seconds.</param>
    /// <param name="systemFingerprint">The system fingerprint.</param>
    public CompletionUpdate(int promptIndex, string? textDelta, FinishReason? finishReason, TokenUsage? usage, string? model, long createdUnixSeconds, string? systemFingerprint)
    {
        PromptIndex = promptIndex;
        _textDelta = textDelta;
        FinishReason = finishReason;
        Usage = usage;
        Model = model;
        CreatedUnixSeconds = createdUnixSeconds;
        SystemFingerprint = systemFingerprint;
    }

    /// <summary>Initializes a new instance whose text delta is UTF-8, decoded when read (the streaming path).</summary>
    internal CompletionUpdate(int promptIndex, ReadOnlyMemory<byte>? textUtf8, FinishReason? finishReason, TokenUsage? usage, string? model, long createdUnixSeconds, string? systemFingerprint)
        : this(promptIndex, (string?)null, finishReason, usage, model, createdUnixSeconds, systemFingerprint)
    {
        _hasTextUtf8 = textUtf8.HasValue;
        _textUtf8 = textUtf8.GetValueOrDefault();
    }

    /// <summary>Gets the position of the prompt this chunk belongs to.</summary>
    public int PromptIndex { get; }

    /// <summary>Gets the text delta (decoded from UTF-8 when read if it came from a stream; short texts come from a cache).</summary>
    public string? TextDelta => _textDelta ?? (_hasTextUtf8 ? TokenTextCache.Shared.GetString(_textUtf8.Span) : null);

    /// <summary>Gets the finish reason; null until the prompt's last chunk.</summary>
    public FinishReason? FinishReason { get; }

    /// <summary>Gets the prompt's token counts, on its last chunk.</summary>
    public TokenUsage? Usage { get; }

    /// <summary>Gets the model.</summary>
    public string? Model { get; }

    /// <summary>Gets the creation time in Unix seconds.</summary>
    public long CreatedUnixSeconds { get; }

    /// <summary>Gets the system fingerprint.</summary>
    public string? SystemFingerprint { get; }
}
