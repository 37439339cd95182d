// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Tgi.Sdk.Providers;

/// <summary>
/// Binds <see cref="TgiProviderOptions"/> from configuration by hand, from one table of keys (no reflection, so Native
/// AOT safe). Every key accepts its .NET spelling (<c>BaseUrl</c>) and its snake_case one (<c>base_url</c>); an unknown
/// key, a value of the wrong type or a key given in both spellings is an error naming the key.
/// </summary>
internal static class TgiProviderConfiguration
{
    private static readonly ConfigurationSetting<TgiEndpointOptions>[] s_endpointSettings =
    [
        new("Url", static (r, k, o) => o.Url = r.String(k) ?? o.Url, "BaseUrl"),
        new("Priority", static (r, k, o) => o.Priority = r.Integer(k, "0") ?? o.Priority),
        new("Model", static (r, k, o) => o.Model = r.String(k) ?? o.Model),
    ];

    private static readonly ConfigurationSetting<TgiResilienceOptions>[] s_resilienceSettings =
    [
        new("MaxRetries", static (r, k, o) => o.MaxRetries = r.Integer(k, "1") ?? o.MaxRetries),
        new("RetryDelay", static (r, k, o) => o.RetryDelay = r.Duration(k, "00:00:01") ?? o.RetryDelay),
        new("MaxRetryDelay", static (r, k, o) => o.MaxRetryDelay = r.Duration(k, "00:00:30") ?? o.MaxRetryDelay),
        new("CircuitBreakerFailureRatio", static (r, k, o) => o.CircuitBreakerFailureRatio = r.Number(k, "0.5") ?? o.CircuitBreakerFailureRatio),
        new("CircuitBreakerMinimumThroughput", static (r, k, o) => o.CircuitBreakerMinimumThroughput = r.Integer(k, "4") ?? o.CircuitBreakerMinimumThroughput),
        new("CircuitBreakerSamplingDuration", static (r, k, o) => o.CircuitBreakerSamplingDuration = r.Duration(k, "00:00:30") ?? o.CircuitBreakerSamplingDuration),
        new("CircuitBreakerBreakDuration", static (r, k, o) => o.CircuitBreakerBreakDuration = r.Duration(k, "00:00:30") ?? o.CircuitBreakerBreakDuration),
    ];

    /// <summary>The feature flags, also accepted under <c>options</c> (<c>options.supports_json_mode</c>).</summary>
    private static readonly ConfigurationSetting<TgiProviderOptions>[] s_featureSettings =
    [
        new("SupportsFunctionCalling", static (r, k, o) => o.SupportsFunctionCalling = r.Boolean(k) ?? o.SupportsFunctionCalling),
        new("SupportsJsonMode", static (r, k, o) => o.SupportsJsonMode = r.Boolean(k) ?? o.SupportsJsonMode),
        new("SupportsGuidedGeneration", static (r, k, o) => o.SupportsGuidedGeneration = r.Boolean(k) ?? o.SupportsGuidedGeneration),
    ];

    private static readonly ConfigurationSetting<TgiProviderOptions>[] s_providerSettings =
    [

        // The options name (the DI key) wins over a Name in the section, so the provider is found under its key.
        new("Name", static (r, k, o) => o.Name ??= r.String(k)),
        new("BaseUrl", static (r, k, o) => o.BaseUrl = r.String(k) ?? o.BaseUrl),
        new("Endpoints", static (r, k, o) => BindEndpoints(r, k, o)),
        new("Models", static (r, k, o) =>
        {
            foreach (string model in r.List(k, "meta-llama/Llama-3.1-8B-Instruct"))
            {
                o.Models.Add(model);
            }
        }),
        new("Priority", static (r, k, o) => o.Priority = r.Integer(k, "0") ?? o.Priority),

        // The mission's shape calls it "timeout"; TgiClientOptions calls the same setting RequestTimeout.
        new("RequestTimeout", static (r, k, o) => o.RequestTimeout = r.Duration(k, "00:02:00 or 120 for 120 seconds") ?? o.RequestTimeout, "Timeout"),
        new("FirstTokenTimeout", static (r, k, o) => o.FirstTokenTimeout = r.Duration(k, "00:01:00 or 60 for 60 seconds") ?? o.FirstTokenTimeout),
        new("StreamIdleTimeout", static (r, k, o) => o.StreamIdleTimeout = r.Duration(k, "00:01:00 or 60 for 60 seconds") ?? o.StreamIdleTimeout),
        new("ApiKey", static (r, k, o) => o.ApiKey = r.String(k) ?? o.ApiKey),
        new("Headers", static (r, k, o) =>
        {
            foreach (IConfigurationSection header in k.GetChildren())
            {
                if (r.String(header) is { } value)
                {
                    o.Headers[header.Key] = value;
                }
            }
        }),
        .. s_featureSettings,
        new("Options", static (r, k, o) => r.Bind(k, o, s_featureSettings)),
        new("HealthCheckInterval", static (r, k, o) => o.HealthCheckInterval = r.Duration(k, "00:00:30, or 00:00:00 to turn periodic checks off") ?? o.HealthCheckInterval),
        new("HealthCheckTimeout", static (r, k, o) => o.HealthCheckTimeout = r.Duration(k, "00:00:05") ?? o.HealthCheckTimeout),
        new("Resilience", static (r, k, o) => r.Bind(k, o.Resilience, s_resilienceSettings)),
    ];

    /// <summary>Binds a section into the options; throws <see cref="OptionsValidationException"/> naming each bad key.</summary>
    /// <param name="section">The provider's section, for example <c>Tgi</c> or <c>Tgi:Providers:0</c>.</param>
    /// <param name="options">The options to fill.</param>
    /// <param name="optionsName">The named-options name, for the exception.</param>
    public static void Bind(IConfiguration section, TgiProviderOptions options, string optionsName)
    {
        ConfigurationReader reader = new();
        reader.Bind(section, options, s_providerSettings);
        if (reader.Errors.Count > 0)
        {
            throw new OptionsValidationException(optionsName, typeof(TgiProviderOptions), reader.Errors);
        }
    }

    /// <summary>Binds a section, then fills what is missing from the environment.</summary>
    public static void Bind(IConfiguration section, TgiProviderOptions options, string optionsName, Func<string, string?> environment)
    {
        Bind(section, options, optionsName);
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

    /// <summary>Reads the value a section gives for a setting in either spelling (for example the provider's name before binding).</summary>
    public static string? Peek(IConfiguration section, string name) =>
        section.GetChildren().FirstOrDefault(c => KeySuggestion.Normalize(c.Key) == KeySuggestion.Normalize(name))?.Value;

    private static void BindEndpoints(ConfigurationReader reader, IConfigurationSection endpoints, TgiProviderOptions options)
    {
        int index = 0;
        foreach (IConfigurationSection endpoint in endpoints.GetChildren())
        {
            if (endpoint.Value is not null && !endpoint.GetChildren().Any())
            {
                reader.Errors.Add($"{endpoint.Path}: '{endpoint.Value}' is a plain value; give each endpoint a Url (and optionally Priority and Model), e.g. {endpoint.Path}:Url = http://tgi-{index}:8080");
            }
            else
            {
                TgiEndpointOptions bound = new();
                reader.Bind(endpoint, bound, s_endpointSettings);
                options.Endpoints.Add(bound);
            }

            index++;
        }
    }
}
