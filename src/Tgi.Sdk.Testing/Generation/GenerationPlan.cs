// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>Everything the engine needs for one validated request.</summary>
internal sealed class GenerationPlan
{
    public required string Route { get; init; }

    public required string Prompt { get; init; }

    public required int InputTokens { get; init; }

    public required int MaxNewTokens { get; init; }

    public IReadOnlyList<string> Stop { get; init; } = [];

    public ulong? Seed { get; init; }

    public bool Sampling { get; init; }

    public float? Temperature { get; init; }

    public TgiRequestedGrammar? Grammar { get; init; }

    public IReadOnlyList<TgiRequestedTool> ToolGrammar { get; init; } = [];

    public IReadOnlyList<TgiChatMessage> Messages { get; init; } = [];

    public int BestOf { get; init; } = 1;

    public int? Truncate { get; init; }
}
