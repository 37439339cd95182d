// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.ComponentModel;

namespace Tgi.Sdk;

/// <summary>
/// Why generation stopped. An open vocabulary: TGI uses different words on different routes and versions, so any
/// string converts to a value and unknown values never throw.
/// </summary>
/// <remarks>
/// TGI: the native API says <c>eos_token</c>, <c>stop_sequence</c> or <c>length</c>; chat says
/// <c>stop</c> for EOS since 2.3 (<c>eos_token</c> before), keeps <c>stop_sequence</c>, and never says
/// <c>tool_calls</c>; in-progress completion chunks carry <c>""</c>. Comparison is case-insensitive.
/// </remarks>
public readonly struct FinishReason : IEquatable<FinishReason>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The wire text, for example <c>eos_token</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public FinishReason(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The model produced its end-of-sequence token (native API, and chat before TGI 2.3).</summary>
    public static FinishReason EosToken { get; } = new("eos_token");

    /// <summary>A stop sequence matched; TGI keeps the matched text in the output.</summary>
    public static FinishReason StopSequence { get; } = new("stop_sequence");

    /// <summary>The token limit (<c>max_new_tokens</c>/<c>max_tokens</c>) or the context window was reached.</summary>
    public static FinishReason Length { get; } = new("length");

    /// <summary>The OpenAI-compatible word for end-of-sequence, used by chat since TGI 2.3 and by non-streamed completions.</summary>
    public static FinishReason Stop { get; } = new("stop");

    /// <summary>The OpenAI word for a tool call. TGI itself never sends it; shown for completeness.</summary>
    public static FinishReason ToolCalls { get; } = new("tool_calls");

    /// <summary>The empty string TGI sends on in-progress completion chunks.</summary>
    public static FinishReason Empty { get; } = new(string.Empty);

    /// <summary>Gets a value indicating whether generation ended because of end-of-sequence (<c>eos_token</c> or <c>stop</c>).</summary>
    public bool IsEndOfSequence => Equals(EosToken) || Equals(Stop);

    /// <summary>Determines whether two values are equal (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> if the values are equal.</returns>
    public static bool operator ==(FinishReason left, FinishReason right) => left.Equals(right);

    /// <summary>Determines whether two values differ (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> if the values differ.</returns>
    public static bool operator !=(FinishReason left, FinishReason right) => !left.Equals(right);

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The wire text.</param>
    public static implicit operator FinishReason(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(FinishReason other) =>
        string.Equals(_value ?? string.Empty, other._value ?? string.Empty, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is FinishReason other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(_value ?? string.Empty);

    /// <summary>Returns the wire text.</summary>
    /// <returns>The wire text.</returns>
    public override string ToString() => _value ?? string.Empty;
}
