// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Tgi.Sdk.Providers;

/// <summary>
/// Reads configuration values by hand (no reflection, so Native AOT safe) and collects one message per bad key:
/// an unknown key with the closest known one, a value of the wrong type with a good example, a key given twice.
/// </summary>
internal sealed class ConfigurationReader
{
    /// <summary>Gets the messages collected so far.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>
    /// Applies every child of <paramref name="section"/> through the setting it names (in either spelling); a child
    /// no setting names is an error that suggests the closest known key.
    /// </summary>
    public void Bind<T>(IConfiguration section, T target, IReadOnlyList<ConfigurationSetting<T>> settings)
    {
        Dictionary<ConfigurationSetting<T>, string> seen = [];
        foreach (IConfigurationSection child in section.GetChildren())
        {
            string key = KeySuggestion.Normalize(child.Key);
            ConfigurationSetting<T>? setting = settings.FirstOrDefault(s =>
                KeySuggestion.Normalize(s.Name) == key || s.Aliases.Any(a => KeySuggestion.Normalize(a) == key));
            if (setting is null)
            {
                Errors.Add(Unknown(child, settings.SelectMany(s => s.Aliases.Prepend(s.Name))));
                continue;
            }

            if (seen.TryGetValue(setting, out string? first))
            {
                Errors.Add($"{child.Path}: '{first}' and '{child.Key}' both set {setting.Name}; keep one of them.");
                continue;
            }

            seen[setting] = child.Key;
            setting.Apply(this, child, target);
        }
    }

    /// <summary>Reads a string value; null when the key is a section rather than a value.</summary>
    public string? String(IConfigurationSection key) => Leaf(key, "a text value, e.g. " + key.Key + " = value");

    /// <summary>Reads a whole number.</summary>
    public int? Integer(IConfigurationSection key, string example) => (int?)WholeNumber(key, example, int.MaxValue);

    /// <summary>Reads a whole number that may pass <see cref="int.MaxValue"/>, such as a size in bytes.</summary>
    public long? LongInteger(IConfigurationSection key, string example) => WholeNumber(key, example, long.MaxValue);

    private long? WholeNumber(IConfigurationSection key, string example, long max)
    {
        string? value = Leaf(key, example);
        if (value is null)
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long result) && result >= -max - 1 && result <= max)
        {
            return result;
        }

        Errors.Add($"{key.Path}: '{value}' is not a whole number, e.g. {example}");
        return null;
    }

    /// <summary>Reads a number such as a ratio.</summary>
    public double? Number(IConfigurationSection key, string example)
    {
        string? value = Leaf(key, example);
        if (value is null)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double result) && double.IsFinite(result))
        {
            return result;
        }

        Errors.Add($"{key.Path}: '{value}' is not a number, e.g. {example}");
        return null;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public bool? Boolean(IConfigurationSection key)
    {
        string? value = Leaf(key, "true or false");
        if (value is null)
        {
            return null;
        }

        if (bool.TryParse(value, out bool result))
        {
            return result;
        }

        Errors.Add($"{key.Path}: '{value}' is not a boolean, e.g. true or false");
        return null;
    }

    /// <summary>
    /// Reads a duration: <c>hh:mm:ss</c> (with colons), or a plain number of seconds (<c>"timeout": 30</c>).
    /// A bare number is never read as days, which is what <see cref="TimeSpan.Parse(string)"/> would do.
    /// </summary>
    public TimeSpan? Duration(IConfigurationSection key, string example)
    {
        string? value = Leaf(key, example);
        if (value is null)
        {
            return null;
        }

        if (value.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out TimeSpan span))
        {
            return span;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)
            && double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        Errors.Add($"{key.Path}: '{value}' is not a duration (hh:mm:ss, or a number of seconds), e.g. {example}");
        return null;
    }

    /// <summary>Reads a list of values: children <c>0</c>, <c>1</c>, …, or one plain value with commas between items.</summary>
    public List<string> List(IConfigurationSection key, string example)
    {
        List<string> items = [];
        if (key.Value is { } single && !key.GetChildren().Any())
        {
            items.AddRange(single.Split(',', StringSplitOptions.TrimEntries));
            return items;
        }

        foreach (IConfigurationSection child in key.GetChildren())
        {
            if (Leaf(child, example) is { } value)
            {
                items.Add(value);
            }
        }

        return items;
    }

    private string? Leaf(IConfigurationSection key, string example)
    {
        if (key.GetChildren().Any())
        {
            Errors.Add($"{key.Path}: is a section, but it takes a single value, e.g. {example}");
            return null;
        }

        return key.Value;
    }

    private static string Unknown(IConfigurationSection key, IEnumerable<string> known)
    {
        string[] names = [.. known];
        return KeySuggestion.Closest(key.Key, names) is { } suggestion
            ? $"{key.Path} is not a known setting. Did you mean '{suggestion}'?"
            : $"{key.Path} is not a known setting. Known settings here: {string.Join(", ", names.Distinct(StringComparer.Ordinal))}.";
    }
}
