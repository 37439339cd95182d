// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Tgi.Sdk.Providers;

/// <summary>
/// Binds <see cref="TgiProviderOptions"/> from configuration with the binding source generator (no reflection), after
/// checking every raw value the binder would otherwise reject with a terse conversion error.
/// </summary>
internal static class TgiProviderConfiguration
{
    private enum ValueKind
    {
        Duration,
        Integer,
        Ratio,
        Boolean,
    }

    /// <summary>The typed keys and what a good value looks like: one table for every raw-value check.</summary>
    private static readonly (string Key, ValueKind Kind, string Example)[] s_typedKeys =
    [
        ("Timeout", ValueKind.Duration, "00:02:00 for 120 seconds"),
        ("HealthCheckInterval", ValueKind.Duration, "00:00:30, or 00:00:00 to turn periodic checks off"),
        ("HealthCheckTimeout", ValueKind.Duration, "00:00:05"),
        ("Priority", ValueKind.Integer, "0"),
        ("SupportsFunctionCalling", ValueKind.Boolean, "true or false"),
        ("SupportsJsonMode", ValueKind.Boolean, "true or false"),
        ("SupportsGuidedGeneration", ValueKind.Boolean, "true or false"),
        ("Resilience:MaxRetries", ValueKind.Integer, "1"),
        ("Resilience:RetryDelay", ValueKind.Duration, "00:00:01"),
        ("Resilience:MaxRetryDelay", ValueKind.Duration, "00:00:30"),
        ("Resilience:CircuitBreakerFailureRatio", ValueKind.Ratio, "0.5"),
        ("Resilience:CircuitBreakerMinimumThroughput", ValueKind.Integer, "4"),
        ("Resilience:CircuitBreakerSamplingDuration", ValueKind.Duration, "00:00:30"),
        ("Resilience:CircuitBreakerBreakDuration", ValueKind.Duration, "00:00:30"),
    ];

    /// <summary>Binds a section into the options; throws <see cref="OptionsValidationException"/> naming each bad key.</summary>
    /// <param name="section">The provider's section, for example <c>Tgi:Providers:0</c>.</param>
    /// <param name="options">The options to fill.</param>
    /// <param name="optionsName">The named-options name, for the exception.</param>
    /// <param name="environment">Looks up <c>TGI_BASE_URL</c> and <c>TGI_API_KEY</c>.</param>
    public static void Bind(IConfiguration section, TgiProviderOptions options, string optionsName, Func<string, string?> environment)
    {
        string path = PathOf(section);
        List<string> errors = CheckRawValues(section, path);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(optionsName, typeof(TgiProviderOptions), errors);
        }

        // Intercepted by the configuration binding source generator (EnableConfigurationBindingGenerator).
        section.Bind(options);
        ApplyDefaults(options, environment);
    }

    /// <summary>Fills the base URL, API key and name that were not configured.</summary>
    public static void ApplyDefaults(TgiProviderOptions options, Func<string, string?> environment)
    {
        if (string.IsNullOrWhiteSpace(options.BaseUrl) && options.Endpoints.Count == 0)
        {
            string? fromEnvironment = environment(TgiProviderOptions.BaseUrlEnvironmentVariable);
            options.BaseUrl = string.IsNullOrWhiteSpace(fromEnvironment) ? TgiProviderOptions.DefaultBaseUrl : fromEnvironment.Trim();
        }

        if (string.IsNullOrEmpty(options.ApiKey))
        {
            string? key = environment(TgiProviderOptions.ApiKeyEnvironmentVariable);
            options.ApiKey = string.IsNullOrEmpty(key) ? null : key;
        }

        if (string.IsNullOrWhiteSpace(options.Name))
        {
            options.Name = "tgi";
        }
    }

    /// <summary>The section's path, or a readable stand-in for in-code options.</summary>
    public static string PathOf(IConfiguration section) =>
        section is IConfigurationSection s && s.Path.Length > 0 ? s.Path : "TgiProvider";

    private static List<string> CheckRawValues(IConfiguration section, string path)
    {
        List<string> errors = [];
        foreach ((string key, ValueKind kind, string example) in s_typedKeys)
        {
            Check(section[key], path + ":" + key, kind, example, errors);
        }

        int index = 0;
        foreach (IConfigurationSection endpoint in section.GetSection("Endpoints").GetChildren())
        {
            if (endpoint.Value is not null && !endpoint.GetChildren().Any())
            {
                errors.Add($"{endpoint.Path}: '{endpoint.Value}' is a plain value; give each endpoint a Url (and optionally Priority and Model), e.g. {endpoint.Path}:Url = http://tgi-{index}:8080");
            }

            Check(endpoint["Priority"], endpoint.Path + ":Priority", ValueKind.Integer, "0", errors);
            index++;
        }

        return errors;
    }

    private static void Check(string? value, string key, ValueKind kind, string example, List<string> errors)
    {
        if (value is null)
        {
            return;
        }

        string? problem = kind switch
        {
            // A bare number would parse as days ("120" is 120 days), so a duration must be written with colons.
            ValueKind.Duration => value.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _)
                ? null
                : "is not a duration in hh:mm:ss form",
            ValueKind.Integer => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? null : "is not a whole number",
            ValueKind.Ratio => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : "is not a number",
            _ => bool.TryParse(value, out _) ? null : "is not a boolean",
        };
        if (problem is not null)
        {
            errors.Add($"{key}: '{value}' {problem}, e.g. {example}");
        }
    }
}
