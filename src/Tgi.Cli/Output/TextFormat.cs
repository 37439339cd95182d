// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;

namespace Tgi.Cli.Output;

/// <summary>Invariant number and text formatting for output (the tool runs with invariant globalization).</summary>
internal static class TextFormat
{
    /// <summary>
    /// Formats milliseconds: one decimal from 10 ms, two from 1 ms, and two significant digits below, so a
    /// sub-millisecond gap reads <c>0.42 ms</c> or <c>0.0031 ms</c>, not <c>0.0 ms</c>.
    /// </summary>
    /// <param name="milliseconds">The value, or null.</param>
    /// <returns>The text, or "-".</returns>
    public static string Ms(double? milliseconds)
    {
        if (milliseconds is not { } ms)
        {
            return "-";
        }

        double magnitude = Math.Abs(ms);
        string text = magnitude switch
        {
            0 => "0",
            >= 10 => ms.ToString("0.0", CultureInfo.InvariantCulture),
            >= 1 => ms.ToString("0.00", CultureInfo.InvariantCulture),
            _ => Math.Round(ms, Math.Min(15, 1 - (int)Math.Floor(Math.Log10(magnitude)))).ToString(CultureInfo.InvariantCulture),
        };
        return text + " ms";
    }

    /// <summary>Formats a number with one decimal.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Formats an integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Shows a token's text with control characters escaped, quoted.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The visible text.</returns>
    public static string Visible(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (char c in text)
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '"' => builder.Append("\\\""),
                _ when char.IsControl(c) => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }
}
