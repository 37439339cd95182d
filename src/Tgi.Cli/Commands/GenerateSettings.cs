// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk;

namespace Tgi.Cli.Commands;

/// <summary>What <c>tgi generate</c> sends and prints.</summary>
internal sealed class GenerateSettings
{
    /// <summary>Gets the prompt.</summary>
    public required string Prompt { get; init; }

    /// <summary>Gets <c>max_new_tokens</c>.</summary>
    public int? MaxNewTokens { get; init; }

    /// <summary>Gets <c>temperature</c>.</summary>
    public float? Temperature { get; init; }

    /// <summary>Gets <c>top_p</c>.</summary>
    public float? TopP { get; init; }

    /// <summary>Gets <c>top_k</c>.</summary>
    public int? TopK { get; init; }

    /// <summary>Gets the stop sequences.</summary>
    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>Gets <c>seed</c>.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Gets the grammar (regex or JSON schema), or null.</summary>
    public TgiGrammar? Grammar { get; init; }

    /// <summary>Gets a value indicating whether to print the finish reason, token count and timings.</summary>
    public bool Details { get; init; }

    /// <summary>Gets a value indicating whether to use <c>/generate</c> (one response with TGI's timing headers) instead of a stream.</summary>
    public bool NoStream { get; init; }
}
