// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;

namespace Tgi.Sdk.Providers;

/// <summary>One update of <see cref="TgiProvider.StreamAsync"/>, whichever API served it.</summary>
public readonly struct TgiProviderUpdate
{
    internal TgiProviderUpdate(string? textDelta, IReadOnlyList<ChatToolCallUpdate>? toolCallUpdates, FinishReason? finishReason, TgiUsageSummary? usage, Uri endpoint)
    {
        TextDelta = textDelta ?? string.Empty;
        ToolCallUpdates = toolCallUpdates ?? [];
        FinishReason = finishReason;
        Usage = usage;
        Endpoint = endpoint;
    }

    /// <summary>Gets the new text (may be empty).</summary>
    public string TextDelta { get; }

    /// <summary>Gets tool-call fragments (chat only).</summary>
    public IReadOnlyList<ChatToolCallUpdate> ToolCallUpdates { get; }

    /// <summary>Gets the finish reason, on the last token.</summary>
    public FinishReason? FinishReason { get; }

    /// <summary>Gets the usage summary, on the update that carries it (the last ones).</summary>
    public TgiUsageSummary? Usage { get; }

    /// <summary>Gets the replica serving the stream.</summary>
    public Uri Endpoint { get; }
}
