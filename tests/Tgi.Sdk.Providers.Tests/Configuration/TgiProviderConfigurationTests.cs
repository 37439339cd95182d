// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tgi.Sdk.Providers;
using Tgi.Sdk.Providers.Tests.Support;

namespace Tgi.Sdk.Providers.Tests.Configuration;

public class TgiProviderConfigurationTests
{
    private const string Section = "Tgi:Providers:0";

    [Test]
    public async Task AddTgiProvider_JsonFile_BindsEverySetting()
    {
        string path = Path.Combine(Path.GetTempPath(), $"tgi-provider-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            {
              "Tgi": {
                "Providers": [
                  {
                    "Name": "primary",
                    "Endpoints": [
                      { "Url": "http://127.0.0.1:18081", "Priority": 1 },
                      { "Url": "http://127.0.0.1:18082", "Priority": 0, "Model": "m2" }
                    ],
                    "Models": [ "m1", "m2" ],
                    "Priority": 3,
                    "Timeout": "00:00:45",
                    "ApiKey": "secret",
                    "Headers": { "X-Team": "search" },
                    "SupportsFunctionCalling": false,
                    "SupportsJsonMode": true,
                    "SupportsGuidedGeneration": false,
                    "HealthCheckInterval": "00:01:00",
                    "Resilience": { "MaxRetries": 2, "CircuitBreakerBreakDuration": "00:00:05" }
                  }
                ]
              }
            }
            """);
        try
        {
            IConfiguration configuration = new ConfigurationBuilder().AddJsonFile(path).Build();

            TgiProviderOptions options = Resolve(configuration, "primary");

            await Assert.That(options.Name).IsEqualTo("primary");
            await Assert.That(options.Endpoints.Count).IsEqualTo(2);
            await Assert.That(options.Endpoints[1].Url).IsEqualTo("http://127.0.0.1:18082");
            await Assert.That(options.Endpoints[1].Model).IsEqualTo("m2");
            await Assert.That(options.Endpoints[0].Priority).IsEqualTo(1);
            await Assert.That(options.Models).IsEquivalentTo(new[] { "m1", "m2" });
            await Assert.That(options.Priority).IsEqualTo(3);
            await Assert.That(options.RequestTimeout).IsEqualTo(TimeSpan.FromSeconds(45));
            await Assert.That(options.ApiKey).IsEqualTo("secret");
            await Assert.That(options.Headers["x-team"]).IsEqualTo("search");
            await Assert.That(options.SupportsFunctionCalling).IsFalse();
            await Assert.That(options.SupportsGuidedGeneration).IsFalse();
            await Assert.That(options.HealthCheckInterval).IsEqualTo(TimeSpan.FromMinutes(1));
            await Assert.That(options.Resilience.MaxRetries).IsEqualTo(2);
            await Assert.That(options.Resilience.CircuitBreakerBreakDuration).IsEqualTo(TimeSpan.FromSeconds(5));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task AddTgiProvider_EnvironmentVariables_BindsSettings()
    {
        string prefix = $"TGITEST{Guid.NewGuid():N}_";
        string[] names = [prefix + "Tgi__Providers__0__BaseUrl", prefix + "Tgi__Providers__0__Timeout", prefix + "Tgi__Providers__0__Headers__X-Env"];
        Environment.SetEnvironmentVariable(names[0], "http://127.0.0.1:19999");
        Environment.SetEnvironmentVariable(names[1], "00:00:10");
        Environment.SetEnvironmentVariable(names[2], "yes");
        try
        {
            IConfiguration configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();

            TgiProviderOptions options = Resolve(configuration, "tgi");

            await Assert.That(options.BaseUrl).IsEqualTo("http://127.0.0.1:19999");
            await Assert.That(options.RequestTimeout).IsEqualTo(TimeSpan.FromSeconds(10));
            await Assert.That(options.Headers["X-Env"]).IsEqualTo("yes");
        }
        finally
        {
            foreach (string name in names)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    [Test]
    [NotInParallel("tgi-environment")]
    public async Task AddTgiProvider_NoBaseUrl_TakesTgiBaseUrlAndTgiApiKey()
    {
        using EnvironmentScope scope = new(("TGI_BASE_URL", "http://127.0.0.1:17777"), ("TGI_API_KEY", "from-env"));
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [Section + ":Name"] = "envy" })
            .AddEnvironmentVariables()
            .Build();

        TgiProviderOptions options = Resolve(configuration, "envy");

        await Assert.That(options.BaseUrl).IsEqualTo("http://127.0.0.1:17777");
        await Assert.That(options.ApiKey).IsEqualTo("from-env");
    }

    [Test]
    [NotInParallel("tgi-environment")]
    public async Task AddTgiProvider_NothingConfigured_DefaultsToLocalhost8080And120Seconds()
    {
        using EnvironmentScope scope = new(("TGI_BASE_URL", null), ("TGI_API_KEY", null));
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();

        TgiProviderOptions options = Resolve(configuration, "tgi");

        await Assert.That(options.BaseUrl).IsEqualTo("http://localhost:8080");
        await Assert.That(options.RequestTimeout).IsEqualTo(TimeSpan.FromSeconds(120));
        await Assert.That(options.ApiKey).IsNull();
        await Assert.That(options.SupportsFunctionCalling && options.SupportsJsonMode && options.SupportsGuidedGeneration).IsTrue();
    }

    [Test]
    [Arguments("BaseUrl", "htp:/x", "Tgi:Providers:0:BaseUrl: 'htp:/x' is not an absolute http(s) URL, e.g. http://localhost:8080")]
    [Arguments("BaseUrl", "/relative", "Tgi:Providers:0:BaseUrl: '/relative' is not an absolute http(s) URL, e.g. http://localhost:8080")]
    [Arguments("Endpoints:0:Url", "ftp://tgi", "Tgi:Providers:0:Endpoints:0:Url: 'ftp://tgi' is not an absolute http(s) URL, e.g. http://tgi-0:8080")]
    [Arguments("Endpoints:0:Priority", "first", "Tgi:Providers:0:Endpoints:0:Priority: 'first' is not a whole number, e.g. 0")]
    [Arguments("Endpoints:0", "http://tgi-0:8080", "Tgi:Providers:0:Endpoints:0: 'http://tgi-0:8080' is a plain value; give each endpoint a Url")]
    [Arguments("Timeout", "abc", "Tgi:Providers:0:Timeout: 'abc' is not a duration (hh:mm:ss, or a number of seconds), e.g. 00:02:00 or 120 for 120 seconds")]
    [Arguments("Timeout", "-00:00:01", "Tgi:Providers:0:RequestTimeout: '-00:00:01' must be positive, e.g. 00:02:00")]
    [Arguments("FirstTokenTimeout", "0", "Tgi:Providers:0:FirstTokenTimeout: '00:00:00' must be positive, e.g. 00:01:00")]
    [Arguments("stream_idle_timeout", "soon", "Tgi:Providers:0:stream_idle_timeout: 'soon' is not a duration (hh:mm:ss, or a number of seconds)")]
    [Arguments("HealthCheckInterval", "-00:00:05", "Tgi:Providers:0:HealthCheckInterval: '-00:00:05' must not be negative")]
    [Arguments("HealthCheckTimeout", "00:00:00", "Tgi:Providers:0:HealthCheckTimeout: '00:00:00' must be positive, e.g. 00:00:05")]
    [Arguments("Priority", "high", "Tgi:Providers:0:Priority: 'high' is not a whole number, e.g. 0")]
    [Arguments("SupportsJsonMode", "yes", "Tgi:Providers:0:SupportsJsonMode: 'yes' is not a boolean, e.g. true or false")]
    [Arguments("SupportsFunctionCalling", "1", "Tgi:Providers:0:SupportsFunctionCalling: '1' is not a boolean, e.g. true or false")]
    [Arguments("SupportsGuidedGeneration", "on", "Tgi:Providers:0:SupportsGuidedGeneration: 'on' is not a boolean, e.g. true or false")]
    [Arguments("Headers:Bad Header", "x", "Tgi:Providers:0:Headers:Bad Header: 'Bad Header' is not a valid HTTP header name, e.g. X-Request-Source")]
    [Arguments("Models:0", " ", "Tgi:Providers:0:Models:0: is empty; give a model id")]
    [Arguments("Resilience:MaxRetries", "-1", "Tgi:Providers:0:Resilience:MaxRetries: '-1' must not be negative, e.g. 1")]
    [Arguments("Resilience:RetryDelay", "soon", "Tgi:Providers:0:Resilience:RetryDelay: 'soon' is not a duration (hh:mm:ss, or a number of seconds), e.g. 00:00:01")]
    [Arguments("Resilience:CircuitBreakerFailureRatio", "2", "Tgi:Providers:0:Resilience:CircuitBreakerFailureRatio: '2' must be greater than 0 and at most 1, e.g. 0.5")]
    [Arguments("Resilience:CircuitBreakerMinimumThroughput", "1", "Tgi:Providers:0:Resilience:CircuitBreakerMinimumThroughput: '1' must be at least 2, e.g. 4")]
    [Arguments("Resilience:CircuitBreakerBreakDuration", "00:00:00.1", "Tgi:Providers:0:Resilience:CircuitBreakerBreakDuration: '00:00:00.1000000' must be at least 00:00:00.5")]
    public async Task ValidateOnStart_BadSetting_NamesTheKeyAndAGoodValue(string key, string value, string expected)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [Section + ":" + key] = value })
            .Build();
        ServiceCollection services = new();
        services.AddTgiProvider(configuration.GetSection(Section));
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException? error = await Assert.That(() => provider.GetRequiredService<IStartupValidator>().Validate())
            .Throws<OptionsValidationException>();

        await Assert.That(error!.Failures.Any(f => f.StartsWith(expected, StringComparison.Ordinal))).IsTrue()
            .Because(string.Join(" | ", error.Failures));
    }

    [Test]
    public async Task ValidateOnStart_SameReplicaTwice_SaysEachNeedsItsOwnUrl()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [Section + ":Endpoints:0:Url"] = "http://127.0.0.1:8080",
                [Section + ":Endpoints:1:Url"] = "http://127.0.0.1:8080/",
            })
            .Build();
        ServiceCollection services = new();
        services.AddTgiProvider(configuration.GetSection(Section));
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException? error = await Assert.That(() => provider.GetRequiredService<IStartupValidator>().Validate())
            .Throws<OptionsValidationException>();

        await Assert.That(error!.Failures.Single()).StartsWith("Tgi:Providers:0:Endpoints:1:Url: 'http://127.0.0.1:8080/' is listed twice");
    }

    [Test]
    public async Task ValidateOnStart_GoodSettings_Passes()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [Section + ":BaseUrl"] = "http://127.0.0.1:8080" })
            .Build();
        ServiceCollection services = new();
        services.AddTgiProvider(configuration.GetSection(Section));
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        await Assert.That(provider.GetRequiredService<TgiProvider>().GetEndpoints()[0].Url).IsEqualTo(new Uri("http://127.0.0.1:8080/"));
    }

    [Test]
    public async Task Constructor_BadSettingsInCode_ThrowsNamingEachKey()
    {
        TgiProviderOptions options = new() { Name = "coded", BaseUrl = "localhost:8080", RequestTimeout = TimeSpan.Zero };

        ArgumentException? error = await Assert.That(() => new TgiProvider(options)).Throws<ArgumentException>();

        await Assert.That(error!.Message).Contains("coded:BaseUrl: 'localhost:8080' is not an absolute http(s) URL, e.g. http://localhost:8080");
        await Assert.That(error.Message).Contains("coded:RequestTimeout: '00:00:00' must be positive");
    }

    private static TgiProviderOptions Resolve(IConfiguration configuration, string name)
    {
        ServiceCollection services = new();
        services.AddSingleton(configuration);
        services.AddTgiProvider(configuration.GetSection(Section));
        using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<IOptionsMonitor<TgiProviderOptions>>().Get(name);
    }
}
