// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Introspection;

/// <summary>One token of <c>/tokenize</c> or <c>/chat_tokenize</c>, with its byte offsets in the input.</summary>
/// <remarks>TGI: with a slow (Python) tokenizer the text is empty and the offsets are 0.</remarks>
public sealed class TokenizedToken
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="id">The token id.</param>
    /// <param name="text">The token text.</param>
    /// <param name="start">The start byte offset.</param>
    /// <param name="stop">The end byte offset.</param>
    public TokenizedToken(int id, string text, int start, int stop)
    {
        Id = id;
        Text = text ?? string.Empty;
        Start = start;
        Stop = stop;
    }

    /// <summary>Gets the token id.</summary>
    public int Id { get; }

    /// <summary>Gets the token text.</summary>
    public string Text { get; }

    /// <summary>Gets the start byte offset in the UTF-8 input.</summary>
    public int Start { get; }

    /// <summary>Gets the end byte offset in the UTF-8 input.</summary>
    public int Stop { get; }
}
