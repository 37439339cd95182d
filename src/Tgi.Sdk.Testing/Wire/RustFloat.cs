// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using System.Text;

namespace Tgi.Sdk.Testing;

/// <summary>
/// Formats floats the way serde_json does (the ryu crate): the shortest round-trip digits, a '.0' on whole numbers,
/// plain decimals for moderate exponents (f32: 0.00000333786; f64 switches one step earlier) and <c>1.5e-7</c> style
/// beyond. TGI's logprobs are f32, so f32 values are formatted as f32 (1.4 captures: -0.000018239021).
/// </summary>
internal static class RustFloat
{
    public static string Format(float value) => Format(value.ToString("R", CultureInfo.InvariantCulture), smallestPlainExponent: -5, largestPlainExponent: 13);

    public static string Format(double value) => Format(value.ToString("R", CultureInfo.InvariantCulture), smallestPlainExponent: -4, largestPlainExponent: 16);

    // kk is the position of the decimal point relative to the first significant digit (ryu's "pretty" formatting).
    private static string Format(string shortest, int smallestPlainExponent, int largestPlainExponent)
    {
        bool negative = shortest.StartsWith('-');
        string unsigned = negative ? shortest[1..] : shortest;
        int exponentAt = unsigned.IndexOfAny(['E', 'e']);
        string mantissa = exponentAt < 0 ? unsigned : unsigned[..exponentAt];
        int exponent = exponentAt < 0 ? 0 : int.Parse(unsigned[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int pointPosition = (dot < 0 ? mantissa.Length : dot) + exponent;
        int leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        digits = digits[leadingZeros..];
        pointPosition -= leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return negative ? "-0.0" : "0.0";
        }

        int kk = pointPosition;
        var text = new StringBuilder(negative ? "-" : string.Empty);
        if (digits.Length <= kk && kk <= largestPlainExponent)
        {
            text.Append(digits).Append('0', kk - digits.Length).Append(".0");
        }
        else if (kk > 0 && kk <= largestPlainExponent)
        {
            text.Append(digits, 0, kk).Append('.').Append(digits, kk, digits.Length - kk);
        }
        else if (kk > smallestPlainExponent - 1 && kk <= 0)
        {
            text.Append("0.").Append('0', -kk).Append(digits);
        }
        else
        {
            text.Append(digits[0]);
            if (digits.Length > 1)
            {
                text.Append('.').Append(digits, 1, digits.Length - 1);
            }

            text.Append('e').Append((kk - 1).ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
