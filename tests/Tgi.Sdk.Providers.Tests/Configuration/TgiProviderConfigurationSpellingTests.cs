// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tgi.Sdk.Providers;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Providers.Tests.Configuration;

/// <summary>Both spellings of every key, unknown keys, and the one name of the request timeout.</summary>
public class TgiProviderConfigurationSpellingTests
{
    /// <summary>Every provider key once, in .NET spelling, and the same settings in snake_case.</summary>
    private static readonly (string Pascal, string Snake, string Value)[] s_everyKey =
    [
        ("Name", "name", "main"),
        ("BaseUrl", "base_url", "http://127.0.0.1:18080"),
        ("Endpoints:0:Url", "endpoints:0:url", "http://127.0.0.1:18081"),
        ("Endpoints:0:Priority", "endpoints:0:priority", "2"),
        ("Endpoints:0:Model", "endpoints:0:model", "m-endpoint"),
        ("Models:0", "models:0", "m1"),
        ("Models:1", "models:1", "m2"),
        ("Priority", "priority", "7"),
        ("RequestTimeout", "request_timeout", "00:00:45"),
        ("FirstTokenTimeout", "first_token_timeout", "00:00:12"),
        ("StreamIdleTimeout", "stream_idle_timeout", "00:00:13"),
        ("ApiKey", "api_key", "k"),
        ("Headers:X-Team", "headers:X-Team", "search"),
        ("SupportsFunctionCalling", "supports_function_calling", "false"),
        ("SupportsJsonMode", "supports_json_mode", "false"),
        ("SupportsGuidedGeneration", "supports_guided_generation", "false"),
        ("HealthCheckInterval", "health_check_interval", "00:01:00"),
        ("HealthCheckTimeout", "health_check_timeout", "00:00:03"),
        ("Resilience:MaxRetries", "resilience:max_retries", "4"),
        ("Resilience:RetryDelay", "resilience:retry_delay", "00:00:02"),
        ("Resilience:MaxRetryDelay", "resilience:max_retry_delay", "00:00:09"),
        ("Resilience:CircuitBreakerFailureRatio", "resilience:circuit_breaker_failure_ratio", "0.25"),
        ("Resilience:CircuitBreakerMinimumThroughput", "resilience:circuit_breaker_minimum_throughput", "6"),
        ("Resilience:CircuitBreakerSamplingDuration", "resilience:circuit_breaker_sampling_duration", "00:00:40"),
        ("Resilience:CircuitBreakerBreakDuration", "resilience:circuit_breaker_break_duration", "00:00:50"),
    ];

    [Test]
    public async Task AddTgiProvider_MissionSnakeCaseShape_BindsAsWrittenAndSendsToBaseUrl()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ModelId = "mission-model" });
        string json = $$"""
            {
              "Tgi": {
                "base_url": "{{tgi.BaseAddress.AbsoluteUri}}",
                "models": [ "mission-model" ],
                "priority": 2,
                "timeout": 30,
                "options": {
                  "supports_function_calling": false,
                  "supports_json_mode": true,
                  "supports_guided_generation": false
                }
              }
            }
            """;
        IConfiguration configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        ServiceCollection services = new();
        services.AddTgiProvider(configuration.GetSection("Tgi"));
        await using ServiceProvider container = services.BuildServiceProvider();
        container.GetRequiredService<IStartupValidator>().Validate();

        TgiProvider provider = container.GetRequiredService<TgiProvider>();
        TgiProviderResponse response = await provider.CompleteAsync(new TgiRequest { Prompt = "hi", Model = "mission-model" });

        TgiProviderOptions options = container.GetRequiredService<IOptionsMonitor<TgiProviderOptions>>().Get("tgi");
        await Assert.That(options.BaseUrl).IsEqualTo(tgi.BaseAddress.AbsoluteUri);
        await Assert.That(options.Models).IsEquivalentTo(new[] { "mission-model" });
        await Assert.That(options.Priority).IsEqualTo(2);
        await Assert.That(options.RequestTimeout).IsEqualTo(TimeSpan.FromSeconds(30));
        await Assert.That(provider.SupportsFeature(TgiProviderFeature.FunctionCalling)).IsFalse();
        await Assert.That(provider.SupportsFeature(TgiProviderFeature.JsonMode)).IsTrue();
        await Assert.That(provider.SupportsFeature(TgiProviderFeature.GuidedGeneration)).IsFalse();
        await Assert.That(response.Endpoint).IsEqualTo(tgi.BaseAddress);
    }

    [Test]
    public async Task AddTgiProvider_EveryKeyInEitherSpelling_BindsTheSameOptions()
    {
        TgiProviderOptions pascal = Resolve(s_everyKey.ToDictionary(k => "Tgi:" + k.Pascal, k => (string?)k.Value));
        TgiProviderOptions snake = Resolve(s_everyKey.ToDictionary(k => "Tgi:" + k.Snake, k => (string?)k.Value));
        TgiProviderOptions defaults = new();

        await Assert.That(Describe(snake)).IsEqualTo(Describe(pascal));

        // Every key took effect: nothing is left at its default.
        await Assert.That(pascal.BaseUrl).IsEqualTo("http://127.0.0.1:18080");
        await Assert.That(pascal.Endpoints.Single().Model).IsEqualTo("m-endpoint");
        await Assert.That(pascal.RequestTimeout).IsNotEqualTo(defaults.RequestTimeout);
        await Assert.That(pascal.FirstTokenTimeout).IsEqualTo(TimeSpan.FromSeconds(12));
        await Assert.That(pascal.StreamIdleTimeout).IsEqualTo(TimeSpan.FromSeconds(13));
        await Assert.That(pascal.HealthCheckTimeout).IsEqualTo(TimeSpan.FromSeconds(3));
        await Assert.That(pascal.Resilience.MaxRetryDelay).IsEqualTo(TimeSpan.FromSeconds(9));
        await Assert.That(pascal.Resilience.CircuitBreakerFailureRatio).IsEqualTo(0.25);
        await Assert.That(pascal.Resilience.CircuitBreakerMinimumThroughput).IsEqualTo(6);
        await Assert.That(pascal.Resilience.CircuitBreakerSamplingDuration).IsEqualTo(TimeSpan.FromSeconds(40));
        await Assert.That(pascal.SupportsJsonMode || pascal.SupportsFunctionCalling || pascal.SupportsGuidedGeneration).IsFalse();
    }

    [Test]
    [Arguments("Timeout")]
    [Arguments("timeout")]
    [Arguments("RequestTimeout")]
    [Arguments("request_timeout")]
    public async Task RequestTimeout_AnyAcceptedKey_BindsAndLimitsEachAttempt(string key)
    {
        // A replica that never sends its headers: only the request timeout can end the call.
        await using TgiEmulator silent = await TgiEmulator.StartAsync();
        silent.Faults.ResponseHeadersDelay = TimeSpan.FromMinutes(10);
        TgiProviderOptions options = Resolve(new Dictionary<string, string?>
        {
            ["Tgi:BaseUrl"] = silent.BaseAddress.AbsoluteUri,
            ["Tgi:Models:0"] = "m",
            ["Tgi:HealthCheckInterval"] = "0",
            ["Tgi:HealthCheckTimeout"] = "1",
            ["Tgi:Resilience:MaxRetries"] = "0",
            ["Tgi:" + key] = "1",
        });
        using TgiProvider provider = new(options);

        TgiException? error = await Assert.That(async () => await provider.CompleteAsync(new TgiRequest { Prompt = "hi", Model = "m" }))
            .Throws<TgiException>();

        await Assert.That(options.RequestTimeout).IsEqualTo(TimeSpan.FromSeconds(1));
        await Assert.That(error!.ErrorType).IsEqualTo(TgiErrorType.Timeout);
        await Assert.That(error.Message).Contains("request timeout of 1 s");
    }

    [Test]
    [Arguments("Tgi:Timout", "Tgi:Timout is not a known setting. Did you mean 'Timeout'?")]
    [Arguments("Tgi:base_ulr", "Tgi:base_ulr is not a known setting. Did you mean 'base_url'?")]
    [Arguments("Tgi:BaseUri", "Tgi:BaseUri is not a known setting. Did you mean 'BaseUrl'?")]
    [Arguments("Tgi:Resilience:MaxRetires", "Tgi:Resilience:MaxRetires is not a known setting. Did you mean 'MaxRetries'?")]
    [Arguments("Tgi:Endpoints:0:Uri", "Tgi:Endpoints:0:Uri is not a known setting. Did you mean 'Url'?")]
    [Arguments("Tgi:options:supports_jsonmode_x", "Tgi:options:supports_jsonmode_x is not a known setting. Did you mean 'supports_json_mode'?")]
    [Arguments("Tgi:Banana", "Tgi:Banana is not a known setting. Known settings here: Name, BaseUrl, Endpoints")]
    public async Task ValidateOnStart_UnknownKey_NamesItAndTheClosestKnownKey(string key, string expected)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tgi:BaseUrl"] = "http://127.0.0.1:8080", [key] = "1" })
            .Build();
        ServiceCollection services = new();
        services.AddTgiProvider(configuration.GetSection("Tgi"));
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException? error = await Assert.That(() => provider.GetRequiredService<IStartupValidator>().Validate())
            .Throws<OptionsValidationException>();

        await Assert.That(error!.Failures.Single()).StartsWith(expected);
    }

    [Test]
    public async Task FromConfiguration_UnknownKey_Throws()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tgi:base_url"] = "http://127.0.0.1:8080", ["Tgi:Timout"] = "30" })
            .Build();

        OptionsValidationException? error = await Assert.That(() => TgiProviderOptions.FromConfiguration(configuration.GetSection("Tgi")))
            .Throws<OptionsValidationException>();

        await Assert.That(error!.Failures.Single()).IsEqualTo("Tgi:Timout is not a known setting. Did you mean 'Timeout'?");
    }

    [Test]
    public async Task FromConfiguration_BothSpellingsOfOneKey_IsAnError()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tgi:base_url"] = "http://a:8080", ["Tgi:BaseUrl"] = "http://b:8080" })
            .Build();

        OptionsValidationException? error = await Assert.That(() => TgiProviderOptions.FromConfiguration(configuration.GetSection("Tgi")))
            .Throws<OptionsValidationException>();

        await Assert.That(error!.Failures.Single()).Contains("both set BaseUrl; keep one of them.");
    }

    [Test]
    public async Task FromConfiguration_TimeoutInSecondsOrHhMmSs_IsTheRequestTimeout()
    {
        TgiProviderOptions seconds = TgiProviderOptions.FromConfiguration(Section(new() { ["Tgi:timeout"] = "2.5" }));
        TgiProviderOptions clock = TgiProviderOptions.FromConfiguration(Section(new() { ["Tgi:Timeout"] = "00:01:30" }));

        await Assert.That(seconds.RequestTimeout).IsEqualTo(TimeSpan.FromSeconds(2.5));
        await Assert.That(clock.RequestTimeout).IsEqualTo(TimeSpan.FromSeconds(90));
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Tgi");

    private static TgiProviderOptions Resolve(Dictionary<string, string?> values)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        ServiceCollection services = new();
        services.AddTgiProvider("p", configuration.GetSection("Tgi"));
        using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<IOptionsMonitor<TgiProviderOptions>>().Get("p");
    }

    private static string Describe(TgiProviderOptions o) => string.Join(
        "|",
        o.Name,
        o.BaseUrl,
        string.Join(",", o.Endpoints.Select(e => $"{e.Url}/{e.Priority}/{e.Model}")),
        string.Join(",", o.Models),
        o.Priority,
        o.RequestTimeout,
        o.FirstTokenTimeout,
        o.StreamIdleTimeout,
        o.ApiKey,
        string.Join(",", o.Headers.Select(h => h.Key + "=" + h.Value)),
        o.SupportsFunctionCalling,
        o.SupportsJsonMode,
        o.SupportsGuidedGeneration,
        o.HealthCheckInterval,
        o.HealthCheckTimeout,
        o.Resilience.MaxRetries,
        o.Resilience.RetryDelay,
        o.Resilience.MaxRetryDelay,
        o.Resilience.CircuitBreakerFailureRatio,
        o.Resilience.CircuitBreakerMinimumThroughput,
        o.Resilience.CircuitBreakerSamplingDuration,
        o.Resilience.CircuitBreakerBreakDuration);
}
