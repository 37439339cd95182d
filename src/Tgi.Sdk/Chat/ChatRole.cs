// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.ComponentModel;

namespace Tgi.Sdk.Chat;

/// <summary>The role of a chat message. An open vocabulary: TGI passes any role to the chat template.</summary>
public readonly struct ChatRole : IEquatable<ChatRole>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The wire text, for example <c>user</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ChatRole(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The <c>system</c> role.</summary>
    public static ChatRole System { get; } = new("system");

    /// <summary>The <c>user</c> role.</summary>
    public static ChatRole User { get; } = new("user");

    /// <summary>The <c>assistant</c> role.</summary>
    public static ChatRole Assistant { get; } = new("assistant");

    /// <summary>The <c>tool</c> role (a tool result).</summary>
    public static ChatRole Tool { get; } = new("tool");

    /// <summary>Determines whether two values are equal (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> if the values are equal.</returns>
    public static bool operator ==(ChatRole left, ChatRole right) => left.Equals(right);

    /// <summary>Determines whether two values differ (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> if the values differ.</returns>
    public static bool operator !=(ChatRole left, ChatRole right) => !left.Equals(right);

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The wire text.</param>
    public static implicit operator ChatRole(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(ChatRole other) =>
        string.Equals(_value ?? string.Empty, other._value ?? string.Empty, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is ChatRole other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(_value ?? string.Empty);

    /// <summary>Returns the wire text.</summary>
    /// <returns>The wire text.</returns>
    public override string ToString() => _value ?? string.Empty;
}
