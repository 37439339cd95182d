// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers;

/// <summary>Token counts and TGI's timing headers for one response.</summary>
public sealed class TgiUsageSummary
{
    internal TgiUsageSummary(int? promptTokens, int? completionTokens, TgiRawResponse? raw)
    {
        PromptTokens = promptTokens ?? raw?.PromptTokens;
        CompletionTokens = completionTokens ?? raw?.GeneratedTokens;
        QueueTime = raw?.QueueTime;
        ValidationTime = raw?.ValidationTime;
        InferenceTime = raw?.InferenceTime;
        TimePerToken = raw?.TimePerToken;
        TotalTime = raw?.TotalTime;
    }

    /// <summary>Gets the prompt tokens (templated prompt, for chat), when TGI reported them.</summary>
    public int? PromptTokens { get; }

    /// <summary>Gets the generated tokens, when TGI reported them.</summary>
    public int? CompletionTokens { get; }

    /// <summary>Gets the sum of both counts, when both are known.</summary>
    public int? TotalTokens => PromptTokens + CompletionTokens;

    /// <summary>Gets TGI's <c>x-queue-time</c>.</summary>
    public TimeSpan? QueueTime { get; }

    /// <summary>Gets TGI's <c>x-validation-time</c>.</summary>
    public TimeSpan? ValidationTime { get; }

    /// <summary>Gets TGI's <c>x-inference-time</c>.</summary>
    public TimeSpan? InferenceTime { get; }

    /// <summary>Gets TGI's <c>x-time-per-token</c>.</summary>
    public TimeSpan? TimePerToken { get; }

    /// <summary>Gets TGI's <c>x-total-time</c>.</summary>
    public TimeSpan? TotalTime { get; }
}
