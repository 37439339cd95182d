// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>A bound <c>CompletionRequest</c>.</summary>
internal sealed class CompletionRequest
{
    public List<string> Prompts { get; set; } = [];

    public int? MaxTokens { get; set; }

    public float? Temperature { get; set; }

    public float? TopP { get; set; }

    public bool Stream { get; set; }

    public ulong? Seed { get; set; }

    public float? RepetitionPenalty { get; set; }

    public float? FrequencyPenalty { get; set; }

    public List<string>? Stop { get; set; }

    public bool HasSuffix { get; set; }
}
