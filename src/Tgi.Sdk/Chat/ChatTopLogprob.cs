// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Chat;

/// <summary>One alternative token and its log-probability.</summary>
public sealed class ChatTopLogprob
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="token">The token text.</param>
    /// <param name="logprob">The log-probability, or null.</param>
    public ChatTopLogprob(string token, float? logprob)
    {
        Token = token ?? string.Empty;
        Logprob = logprob;
    }

    /// <summary>Gets the token text.</summary>
    public string Token { get; }

    /// <summary>Gets the log-probability; null when TGI sent null.</summary>
    public float? Logprob { get; }
}
