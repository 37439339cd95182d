// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Internal;

/// <summary>
/// Removes the client's own secrets (its API key and the values of <see cref="TgiClientOptions.Headers"/>) from text a
/// server sent back: a gateway or proxy error page can echo the request's headers.
/// </summary>
/// <remarks>A client with no key and no headers gets <see cref="None"/>, whose every call returns its input.</remarks>
internal sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Replacement = "[REDACTED]";

    /// <summary>Values shorter than this are left alone: redacting "a" or "on" would garble every message.</summary>
    public const int MinimumLength = 4;

    private readonly string[] _secrets;

    private SecretRedactor(string[] secrets) => _secrets = secrets;

    /// <summary>Gets the redactor that redacts nothing.</summary>
    public static SecretRedactor None { get; } = new([]);

    /// <summary>Gets a value indicating whether there is anything to redact.</summary>
    public bool IsEmpty => _secrets.Length == 0;

    /// <summary>Builds the redactor for a client's options.</summary>
    /// <param name="apiKey">The API key, if any.</param>
    /// <param name="headers">The extra request headers.</param>
    /// <returns>The redactor; <see cref="None"/> when no value is long enough to redact.</returns>
    public static SecretRedactor Create(string? apiKey, IEnumerable<KeyValuePair<string, string>> headers)
    {
        List<string>? secrets = null;
        Add(ref secrets, apiKey);
        foreach (KeyValuePair<string, string> header in headers)
        {
            Add(ref secrets, header.Value);
        }

        if (secrets is null)
        {
            return None;
        }

        // Longest first, so a secret that contains another is replaced whole.
        secrets.Sort(static (a, b) => b.Length.CompareTo(a.Length));
        return new SecretRedactor([.. secrets.Distinct(StringComparer.Ordinal)]);

        static void Add(ref List<string>? list, string? value)
        {
            string? trimmed = value?.Trim();
            if (trimmed is { Length: >= MinimumLength })
            {
                (list ??= []).Add(trimmed);
            }
        }
    }

    /// <summary>Replaces every secret in the text.</summary>
    /// <param name="text">Server-derived text, or null.</param>
    /// <returns>The text without secrets (the same instance when it held none).</returns>
    public string? Redact(string? text)
    {
        if (text is null || _secrets.Length == 0)
        {
            return text;
        }

        foreach (string secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Replacement, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>Whether the text holds a secret.</summary>
    /// <param name="text">The text, or null.</param>
    /// <returns><see langword="true"/> when <see cref="Redact(string?)"/> would change it.</returns>
    public bool Contains(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (string secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns the exception without secrets: the same instance when none of its texts holds one, else a copy whose
    /// message, server text, error type and raw body are redacted (the cause is kept: it holds no server text).
    /// </summary>
    /// <param name="exception">The exception about to reach the caller.</param>
    /// <returns>The exception to throw.</returns>
    public Exception Redact(Exception exception)
    {
        if (_secrets.Length == 0 || exception is not TgiException e || e.GetType() != typeof(TgiException))
        {
            return exception;
        }

        string? type = e.ErrorType?.ToString();
        if (!Contains(e.Message) && !Contains(e.ErrorMessage) && !Contains(e.RawResponseBody) && !Contains(type))
        {
            return exception;
        }

        return new TgiException(
            Redact(e.Message)!,
            e.Status,
            type is null ? (TgiErrorType?)null : new TgiErrorType(Redact(type)!),
            Redact(e.ErrorMessage),
            Redact(e.RawResponseBody),
            e.IsRetryable,
            e.InnerException);
    }
}
