// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Tgi.Cli.Infrastructure;

/// <summary>
/// Numeric options whose mistakes read in plain words ("must be a whole number") instead of the parser's type names,
/// and whose ranges are checked before anything is sent: a value TGI would reject is a usage error (exit 2) naming
/// the option.
/// </summary>
internal static class ValueOptions
{
    /// <summary>Creates an optional whole-number option with a lower bound.</summary>
    /// <param name="name">The option's name, for example <c>--max-new-tokens</c>.</param>
    /// <param name="alias">A short alias, or null.</param>
    /// <param name="description">The help text.</param>
    /// <param name="minimum">The smallest accepted value.</param>
    /// <param name="maximum">The largest accepted value.</param>
    /// <returns>The option.</returns>
    public static Option<int?> WholeNumber(string name, string? alias, string description, int minimum, int maximum = int.MaxValue)
    {
        Option<int?> option = Create<int?>(name, alias, description);
        option.HelpName = "N";
        option.CustomParser = result => ParseWholeNumber(result, name, minimum, maximum);
        return option;
    }

    /// <summary>Creates a whole-number option with a default and a lower bound.</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="alias">A short alias, or null.</param>
    /// <param name="description">The help text.</param>
    /// <param name="defaultValue">The value when the option is absent.</param>
    /// <param name="minimum">The smallest accepted value.</param>
    /// <param name="maximum">The largest accepted value.</param>
    /// <returns>The option.</returns>
    public static Option<int> WholeNumber(string name, string? alias, string description, int defaultValue, int minimum, int maximum = int.MaxValue)
    {
        Option<int> option = Create<int>(name, alias, description);
        option.HelpName = "N";
        option.DefaultValueFactory = _ => defaultValue;
        option.CustomParser = result => result.Tokens.Count == 0 ? defaultValue : ParseWholeNumber(result, name, minimum, maximum) ?? defaultValue;
        return option;
    }

    /// <summary>Creates an optional seed option (a whole number from 0 to 2^64 - 1).</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="description">The help text.</param>
    /// <returns>The option.</returns>
    public static Option<ulong?> Seed(string name, string description)
    {
        Option<ulong?> option = Create<ulong?>(name, null, description);
        option.HelpName = "N";
        option.CustomParser = result =>
        {
            string text = Text(result);
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
            {
                return value;
            }

            result.AddError($"{name} must be a whole number from 0 to {ulong.MaxValue.ToString(CultureInfo.InvariantCulture)} (got '{text}').");
            return null;
        };
        return option;
    }

    /// <summary>Creates an optional decimal-number option with a range rule.</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="alias">A short alias, or null.</param>
    /// <param name="description">The help text.</param>
    /// <param name="isValid">Whether a value is in range.</param>
    /// <param name="rule">The range in words, completing "NAME must be ...", for example "greater than 0".</param>
    /// <returns>The option.</returns>
    public static Option<float?> Number(string name, string? alias, string description, Func<float, bool> isValid, string rule)
    {
        Option<float?> option = Create<float?>(name, alias, description);
        option.HelpName = "X";
        option.CustomParser = result =>
        {
            string text = Text(result);
            if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !float.IsFinite(value))
            {
                result.AddError($"{name} must be a number (got '{text}').");
                return null;
            }

            if (!isValid(value))
            {
                result.AddError($"{name} must be {rule} (got {text}).");
                return null;
            }

            return value;
        };
        return option;
    }

    /// <summary>Creates an optional decimal-number option (double precision) with a range rule.</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="description">The help text.</param>
    /// <param name="isValid">Whether a value is in range.</param>
    /// <param name="rule">The range in words, completing "NAME must be ...".</param>
    /// <returns>The option.</returns>
    public static Option<double?> Decimal(string name, string description, Func<double, bool> isValid, string rule)
    {
        Option<double?> option = Create<double?>(name, null, description);
        option.HelpName = "X";
        option.CustomParser = result => ParseDecimal(result, name, isValid, rule);
        return option;
    }

    /// <summary>Creates a decimal-number option (double precision) with a default and a range rule.</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="description">The help text.</param>
    /// <param name="defaultValue">The value when the option is absent.</param>
    /// <param name="isValid">Whether a value is in range.</param>
    /// <param name="rule">The range in words, completing "NAME must be ...".</param>
    /// <returns>The option.</returns>
    public static Option<double> Decimal(string name, string description, double defaultValue, Func<double, bool> isValid, string rule)
    {
        Option<double> option = Create<double>(name, null, description);
        option.HelpName = "X";
        option.DefaultValueFactory = _ => defaultValue;
        option.CustomParser = result => result.Tokens.Count == 0 ? defaultValue : ParseDecimal(result, name, isValid, rule) ?? defaultValue;
        return option;
    }

    /// <summary>Creates an optional duration option: <c>30</c> (seconds), <c>30s</c>, <c>500ms</c>, <c>2m</c>, <c>1h</c>.</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="alias">A short alias, or null.</param>
    /// <param name="description">The help text.</param>
    /// <returns>The option.</returns>
    public static Option<TimeSpan?> Duration(string name, string? alias, string description)
    {
        Option<TimeSpan?> option = Create<TimeSpan?>(name, alias, description);
        option.HelpName = "D";
        option.CustomParser = result =>
        {
            string text = Text(result);
            if (Bench.DurationParser.TryParse(text, out TimeSpan duration))
            {
                return duration;
            }

            result.AddError($"{name} must be a positive duration such as 30s, 500ms or 2m (got '{text}').");
            return null;
        };
        return option;
    }

    /// <summary>Accepts only the given words, and says so in one line when another is given.</summary>
    /// <param name="option">The option.</param>
    /// <param name="values">The accepted words.</param>
    /// <returns>The option.</returns>
    public static Option<string> OneOf(this Option<string> option, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CompletionSources.Add(values);
        option.Validators.Add(result =>
        {
            string text = Text(result);
            if (result.Tokens.Count > 0 && !values.Contains(text, StringComparer.Ordinal))
            {
                string choices = values.Length == 2 ? $"{values[0]} or {values[1]}" : string.Join(", ", values[..^1]) + " or " + values[^1];
                result.AddError($"{option.Name} must be {choices} (got '{text}').");
            }
        });
        return option;
    }

    private static double? ParseDecimal(ArgumentResult result, string name, Func<double, bool> isValid, string rule)
    {
        string text = Text(result);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            result.AddError($"{name} must be a number (got '{text}').");
            return null;
        }

        if (!isValid(value))
        {
            result.AddError($"{name} must be {rule} (got {text}).");
            return null;
        }

        return value;
    }

    private static int? ParseWholeNumber(ArgumentResult result, string name, int minimum, int maximum)
    {
        string text = Text(result);
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) || value > int.MaxValue || value < int.MinValue)
        {
            result.AddError($"{name} must be a whole number (got '{text}').");
            return null;
        }

        if (value < minimum || value > maximum)
        {
            string range = maximum == int.MaxValue
                ? $"at least {minimum.ToString(CultureInfo.InvariantCulture)}"
                : $"from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}";
            result.AddError($"{name} must be {range} (got {text}).");
            return null;
        }

        return (int)value;
    }

    private static string Text(SymbolResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;

    private static Option<T> Create<T>(string name, string? alias, string description) =>
        alias is null ? new Option<T>(name) { Description = description } : new Option<T>(name, alias) { Description = description };
}
