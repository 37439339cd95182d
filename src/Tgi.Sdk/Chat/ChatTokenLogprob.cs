// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Chat;

/// <summary>The log-probability of one generated token, with its alternatives (<c>logprobs.content[]</c>).</summary>
public sealed class ChatTokenLogprob
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="token">The token text.</param>
    /// <param name="logprob">The log-probability, or null.</param>
    /// <param name="topLogprobs">The alternatives.</param>
    public ChatTokenLogprob(string token, float? logprob, IReadOnlyList<ChatTopLogprob> topLogprobs)
    {
        Token = token ?? string.Empty;
        Logprob = logprob;
        TopLogprobs = topLogprobs ?? [];
    }

    /// <summary>Gets the token text.</summary>
    public string Token { get; }

    /// <summary>Gets the log-probability; null when TGI sent null.</summary>
    public float? Logprob { get; }

    /// <summary>Gets the most likely alternatives (with <c>top_logprobs</c>).</summary>
    public IReadOnlyList<ChatTopLogprob> TopLogprobs { get; }
}
