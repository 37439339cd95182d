// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>A bound <c>ChatRequest</c>.</summary>
internal sealed class ChatRequest
{
    public string? Model { get; set; }

    public List<TgiChatMessage> Messages { get; set; } = [];

    /// <summary>Gets or sets the integer ids of earlier assistant tool calls (null entries: ids that were not integers).</summary>
    public List<long?> EarlierToolCallIds { get; set; } = [];

    public int? MaxTokens { get; set; }

    public float? Temperature { get; set; }

    public float? TopP { get; set; }

    public float? FrequencyPenalty { get; set; }

    public float? PresencePenalty { get; set; }

    public List<string>? Stop { get; set; }

    public ulong? Seed { get; set; }

    public bool Logprobs { get; set; }

    public int? TopLogprobs { get; set; }

    public bool Stream { get; set; }

    public bool IncludeUsage { get; set; }

    /// <summary>Gets or sets the tools; null when the request had no <c>tools</c> key (or null), empty for <c>[]</c>.</summary>
    public List<TgiRequestedTool>? Tools { get; set; }

    /// <summary>Gets or sets <c>auto</c>, <c>none</c>, <c>required</c>, or a function name (null: not sent).</summary>
    public string? ToolChoice { get; set; }

    public bool ToolChoiceIsObject { get; set; }

    public string? ToolPrompt { get; set; }

    public GrammarRequest? ResponseFormat { get; set; }
}
