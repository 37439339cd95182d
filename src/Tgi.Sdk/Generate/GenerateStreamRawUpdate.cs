// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Generate;

/// <summary>
/// One token event of <c>/generate_stream</c> in raw mode: the token text as UTF-8 bytes, with no allocation.
/// </summary>
/// <remarks>
/// The memory in <see cref="TextUtf8"/> and <see cref="GeneratedTextUtf8"/> belongs to the stream and is valid only
/// until the next <c>MoveNextAsync</c>; copy it if you need it longer. Top tokens are not surfaced in raw mode.
/// </remarks>
public readonly struct GenerateStreamRawUpdate
{
    internal GenerateStreamRawUpdate(
        int index,
        int tokenId,
        float? logprob,
        bool isSpecial,
        ReadOnlyMemory<byte> textUtf8,
        bool isFinal,
        ReadOnlyMemory<byte> generatedTextUtf8,
        StreamDetails? details)
    {
        Index = index;
        TokenId = tokenId;
        Logprob = logprob;
        IsSpecial = isSpecial;
        TextUtf8 = textUtf8;
        IsFinal = isFinal;
        GeneratedTextUtf8 = generatedTextUtf8;
        Details = details;
    }

    /// <summary>Gets the 1-based token index.</summary>
    public int Index { get; }

    /// <summary>Gets the token id.</summary>
    public int TokenId { get; }

    /// <summary>Gets the token log-probability, or null.</summary>
    public float? Logprob { get; }

    /// <summary>Gets a value indicating whether the token is special.</summary>
    public bool IsSpecial { get; }

    /// <summary>Gets the unescaped UTF-8 token text; valid until the next <c>MoveNextAsync</c>.</summary>
    public ReadOnlyMemory<byte> TextUtf8 { get; }

    /// <summary>Gets a value indicating whether this is the last event.</summary>
    public bool IsFinal { get; }

    /// <summary>Gets the unescaped UTF-8 full text on the last event (empty otherwise); valid until the next <c>MoveNextAsync</c>.</summary>
    public ReadOnlyMemory<byte> GeneratedTextUtf8 { get; }

    /// <summary>Gets the stream details on the last event, when requested.</summary>
    public StreamDetails? Details { get; }
}
