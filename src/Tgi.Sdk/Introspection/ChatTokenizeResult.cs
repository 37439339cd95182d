// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Introspection;

/// <summary>The result of <c>/chat_tokenize</c>: the templated prompt and its tokens.</summary>
public sealed class ChatTokenizeResult
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="templatedText">The prompt after the chat template (tools and tool prompt included).</param>
    public ChatTokenizeResult(IReadOnlyList<TokenizedToken> tokens, string templatedText)
    {
        Tokens = tokens ?? [];
        TemplatedText = templatedText ?? string.Empty;
    }

    /// <summary>Gets the tokens.</summary>
    public IReadOnlyList<TokenizedToken> Tokens { get; }

    /// <summary>Gets the templated prompt.</summary>
    public string TemplatedText { get; }
}
