// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Cli.Infrastructure;

/// <summary>
/// Removes the API key from text before it is printed. A gateway or proxy can echo the key in an error page, so every
/// server-derived text passes through here on its way to stdout, stderr or a report.
/// </summary>
internal sealed class SecretRedactor
{
    /// <summary>What replaces the key.</summary>
    public const string Mask = "[REDACTED]";

    private readonly string? _secret;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="secret">The API key, or null when none is used.</param>
    public SecretRedactor(string? secret)
    {
        _secret = string.IsNullOrEmpty(secret) ? null : secret;
    }

    /// <summary>Gets a redactor with no key (nothing to hide).</summary>
    public static SecretRedactor None { get; } = new(null);

    /// <summary>Replaces every occurrence of the key.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text without the key.</returns>
    public string Redact(string text) =>
        _secret is null || string.IsNullOrEmpty(text) ? text : text.Replace(_secret, Mask, StringComparison.Ordinal);
}
