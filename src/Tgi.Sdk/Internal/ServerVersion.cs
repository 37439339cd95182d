// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;

namespace Tgi.Sdk.Internal;

/// <summary>Reads the TGI version from a chat response's <c>system_fingerprint</c> (<c>"&lt;version&gt;-&lt;label&gt;"</c>).</summary>
internal static class ServerVersion
{
    private static readonly Version s_toolCallsWithoutContent = new(3, 1, 1);

    /// <summary>Gets the version, or null when the fingerprint does not start with one.</summary>
    /// <param name="fingerprint">The fingerprint, for example <c>3.1.2-dev0-native</c>.</param>
    /// <returns>The version (a <c>-dev</c> suffix is ignored).</returns>
    public static Version? FromFingerprint(string? fingerprint)
    {
        if (string.IsNullOrEmpty(fingerprint))
        {
            return null;
        }

        int end = 0;
        while (end < fingerprint.Length && (char.IsAsciiDigit(fingerprint[end]) || fingerprint[end] == '.'))
        {
            end++;
        }

        string[] parts = fingerprint[..end].Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Length > 4)
        {
            return null;
        }

        int[] numbers = new int[3];
        for (int i = 0; i < Math.Min(parts.Length, 3); i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return new Version(numbers[0], numbers[1], numbers[2]);
    }

    /// <summary>
    /// Whether the server accepts an assistant message with <c>tool_calls</c> and no <c>content</c> (≥3.1.1).
    /// An unknown version is taken to be current.
    /// </summary>
    /// <param name="fingerprint">The fingerprint of a response from that server.</param>
    /// <returns><see langword="true"/> for 3.1.1 and later, or an unknown version.</returns>
    public static bool AcceptsToolCallsWithoutContent(string? fingerprint) =>
        FromFingerprint(fingerprint) is not { } version || version >= s_toolCallsWithoutContent;
}
