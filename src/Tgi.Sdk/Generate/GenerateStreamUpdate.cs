// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Generate;

/// <summary>One token event of <c>/generate_stream</c>. The last event also carries the full text and the details.</summary>
/// <remarks>
/// A struct: an event costs no allocation beyond its token text (and the top tokens, when requested).
/// TGI: <c>StreamResponse</c>; <c>index</c> counts from 1; the last event is the one with a non-null
/// <c>generated_text</c>, and the route never sends <c>[DONE]</c>.
/// </remarks>
public readonly struct GenerateStreamUpdate
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="index">The 1-based token index.</param>
    /// <param name="token">The token.</param>
    /// <param name="topTokens">The top tokens, or null.</param>
    /// <param name="generatedText">The full generated text (last event only).</param>
    /// <param name="details">The details (last event only, with <c>details</c>).</param>
    public GenerateStreamUpdate(int index, TgiToken token, IReadOnlyList<TgiToken>? topTokens, string? generatedText, StreamDetails? details)
    {
        Index = index;
        Token = token;
        TopTokens = topTokens;
        GeneratedText = generatedText;
        Details = details;
    }

    /// <summary>Gets the 1-based token index.</summary>
    public int Index { get; }

    /// <summary>Gets the token.</summary>
    public TgiToken Token { get; }

    /// <summary>Gets the top tokens at this step; null unless <c>top_n_tokens</c> &gt; 0.</summary>
    public IReadOnlyList<TgiToken>? TopTokens { get; }

    /// <summary>Gets the full generated text; set on the last event only.</summary>
    public string? GeneratedText { get; }

    /// <summary>Gets the stream details; set on the last event only, when <c>details</c> was requested.</summary>
    public StreamDetails? Details { get; }

    /// <summary>Gets a value indicating whether this is the last event.</summary>
    public bool IsFinal => GeneratedText is not null;
}
