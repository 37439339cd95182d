// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk;

/// <summary>Token counts of an OpenAI-compatible request (TGI: <c>Usage</c>).</summary>
public sealed class TokenUsage
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="promptTokens">The prompt tokens (the templated prompt, tools included).</param>
    /// <param name="completionTokens">The generated tokens.</param>
    /// <param name="totalTokens">The total.</param>
    public TokenUsage(int promptTokens, int completionTokens, int totalTokens)
    {
        PromptTokens = promptTokens;
        CompletionTokens = completionTokens;
        TotalTokens = totalTokens;
    }

    /// <summary>Gets the number of prompt tokens.</summary>
    public int PromptTokens { get; }

    /// <summary>Gets the number of generated tokens.</summary>
    public int CompletionTokens { get; }

    /// <summary>Gets the total number of tokens.</summary>
    public int TotalTokens { get; }
}
