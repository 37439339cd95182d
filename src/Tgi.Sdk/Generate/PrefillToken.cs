// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Generate;

/// <summary>A prompt token with its log-probability (returned with <c>decoder_input_details</c>).</summary>
/// <remarks>
/// TGI: <c>PrefillToken</c>; the first token's logprob is null, and flash models return no prefill unless the server
/// runs with <c>--enable-prefill-logprobs</c>.
/// </remarks>
public readonly struct PrefillToken : IEquatable<PrefillToken>
{
    private readonly string? _text;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="id">The token id.</param>
    /// <param name="text">The token text.</param>
    /// <param name="logprob">The log-probability, or null.</param>
    public PrefillToken(int id, string text, float? logprob)
    {
        Id = id;
        _text = text;
        Logprob = logprob;
    }

    /// <summary>Gets the token id.</summary>
    public int Id { get; }

    /// <summary>Gets the token text.</summary>
    public string Text => _text ?? string.Empty;

    /// <summary>Gets the log-probability; null for the first prompt token.</summary>
    public float? Logprob { get; }

    /// <inheritdoc/>
    public bool Equals(PrefillToken other) => Id == other.Id && Text == other.Text && Logprob.Equals(other.Logprob);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PrefillToken other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Text, Logprob);

    /// <summary>Determines whether two tokens are equal.</summary>
    /// <param name="left">The first token.</param>
    /// <param name="right">The second token.</param>
    /// <returns><see langword="true"/> if they are equal.</returns>
    public static bool operator ==(PrefillToken left, PrefillToken right) => left.Equals(right);

    /// <summary>Determines whether two tokens differ.</summary>
    /// <param name="left">The first token.</param>
    /// <param name="right">The second token.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(PrefillToken left, PrefillToken right) => !left.Equals(right);

    /// <summary>Returns the token text.</summary>
    /// <returns>The token text.</returns>
    public override string ToString() => Text;
}
