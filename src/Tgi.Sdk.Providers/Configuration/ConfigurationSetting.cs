// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Configuration;

namespace Tgi.Sdk.Providers;

/// <summary>One configuration key: its .NET name, the other spellings it accepts, and how its value is applied.</summary>
/// <typeparam name="T">The options object the key fills.</typeparam>
internal sealed class ConfigurationSetting<T>
{
    public ConfigurationSetting(string name, Action<ConfigurationReader, IConfigurationSection, T> apply, params string[] aliases)
    {
        Name = name;
        Apply = apply;
        Aliases = aliases;
    }

    /// <summary>Gets the PascalCase name, as the options property is called.</summary>
    public string Name { get; }

    /// <summary>Gets the other accepted names (for example <c>Timeout</c> for <c>RequestTimeout</c>).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Gets what reads the section and fills the options.</summary>
    public Action<ConfigurationReader, IConfigurationSection, T> Apply { get; }
}
