// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Internal;

namespace Tgi.Sdk.Generate;

/// <summary>A generated token: its id, text, log-probability and whether it is a special token.</summary>
/// <remarks>
/// A struct. In a stream the text is kept as UTF-8 and decoded only when <see cref="Text"/> is read; short texts come
/// from a process-wide cache of token strings, so a repeated token costs no allocation. TGI: <c>Token</c>.
/// </remarks>
public readonly struct TgiToken : IEquatable<TgiToken>
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _utf8;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="id">The token id.</param>
    /// <param name="text">The token text.</param>
    /// <param name="logprob">The log-probability, or null when TGI sent null (a non-finite value).</param>
    /// <param name="isSpecial">Whether the token is a special token (for example EOS).</param>
    public TgiToken(int id, string text, float? logprob, bool isSpecial)
    {
        Id = id;
        _text = text;
        Logprob = logprob;
        IsSpecial = isSpecial;
    }

    /// <summary>Initializes a new instance over UTF-8 text that is decoded when read (the streaming path).</summary>
    internal TgiToken(int id, ReadOnlyMemory<byte> utf8, float? logprob, bool isSpecial)
    {
        Id = id;
        _utf8 = utf8;
        Logprob = logprob;
        IsSpecial = isSpecial;
    }

    /// <summary>Gets the token id.</summary>
    public int Id { get; }

    /// <summary>Gets the token text.</summary>
    public string Text => _text ?? TokenTextCache.Shared.GetString(_utf8.Span);

    /// <summary>Gets the log-probability; null when TGI sent null (non-finite values serialize as null).</summary>
    public float? Logprob { get; }

    /// <summary>Gets a value indicating whether this is a special token (TGI leaves it out of the generated text).</summary>
    public bool IsSpecial { get; }

    /// <inheritdoc/>
    public bool Equals(TgiToken other) =>
        Id == other.Id && Text == other.Text && Logprob.Equals(other.Logprob) && IsSpecial == other.IsSpecial;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TgiToken other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Text, Logprob, IsSpecial);

    /// <summary>Determines whether two tokens are equal.</summary>
    /// <param name="left">The first token.</param>
    /// <param name="right">The second token.</param>
    /// <returns><see langword="true"/> if they are equal.</returns>
    public static bool operator ==(TgiToken left, TgiToken right) => left.Equals(right);

    /// <summary>Determines whether two tokens differ.</summary>
    /// <param name="left">The first token.</param>
    /// <param name="right">The second token.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(TgiToken left, TgiToken right) => !left.Equals(right);

    /// <summary>Returns the token text.</summary>
    /// <returns>The token text.</returns>
    public override string ToString() => Text;
}
