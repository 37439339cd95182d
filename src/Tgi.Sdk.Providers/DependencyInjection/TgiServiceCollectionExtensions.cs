// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Tgi.Sdk;
using Tgi.Sdk.Providers;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="TgiClient"/>s and <see cref="TgiProvider"/>s over <c>IHttpClientFactory</c>.</summary>
public static class TgiServiceCollectionExtensions
{
    private const string ClientPrefix = "Tgi.Sdk.TgiClient:";
    private const string ProviderPrefix = "Tgi.Sdk.TgiProvider:";

    /// <summary>Registers a <see cref="TgiClient"/> (transient, like a typed client) for one TGI server.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the client options; <see cref="TgiClientOptions.Endpoint"/> is required.</param>
    /// <returns>The HTTP client builder, to add handlers (for example <see cref="AddTgiResilienceHandler"/>).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddTgiClient(this IServiceCollection services, Action<TgiClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TgiClientOptions>(Options.Options.DefaultName).Configure(configure);
        services.TryAddTransient(sp => CreateClient(sp, Options.Options.DefaultName));
        return AddClientHttpClient(services, Options.Options.DefaultName);
    }

    /// <summary>Registers a <see cref="TgiClient"/> for a TGI server at a base address.</summary>
    /// <param name="services">The services.</param>
    /// <param name="endpoint">The server's base address.</param>
    /// <returns>The HTTP client builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddTgiClient(this IServiceCollection services, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return services.AddTgiClient(o => o.Endpoint = endpoint);
    }

    /// <summary>
    /// Registers a <see cref="TgiClient"/> bound from a configuration section (<c>Endpoint</c>, <c>ApiKey</c>,
    /// <c>Headers</c>, <c>RequestTimeout</c>, <c>StreamIdleTimeout</c>, <c>MaxEventSize</c>) without reflection. Every key
    /// also takes its snake_case spelling (<c>base_url</c> and <c>timeout</c> are accepted too); an unknown key fails
    /// start-up (<c>ValidateOnStart</c>) with a message naming it and the closest known key.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section.</param>
    /// <returns>The HTTP client builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddTgiClient(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<TgiClientOptions>(Options.Options.DefaultName).ValidateOnStart();
        return services.AddTgiClient(o => TgiClientConfiguration.Bind(section, o, Options.Options.DefaultName));
    }

    /// <summary>Registers a keyed <see cref="TgiClient"/>, so several servers can be used side by side.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The service key (and options name).</param>
    /// <param name="configure">Sets the client options.</param>
    /// <returns>The HTTP client builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddTgiClient(this IServiceCollection services, string name, Action<TgiClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TgiClientOptions>(name).Configure(configure);
        services.AddKeyedTransient(name, (sp, _) => CreateClient(sp, name));
        return AddClientHttpClient(services, name);
    }

    /// <summary>
    /// Adds a Microsoft.Extensions.Http.Resilience retry for one TGI server: connection failures, 429 overloaded and 503
    /// are retried with exponential backoff and jitter, honouring <c>Retry-After</c>; 422 and 424 never are.
    /// </summary>
    /// <param name="builder">The HTTP client builder from <c>AddTgiClient</c>.</param>
    /// <param name="configure">Adjusts the retry (attempts, delays); the TGI retry predicate is set first.</param>
    /// <returns>The resilience pipeline builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IHttpResiliencePipelineBuilder AddTgiResilienceHandler(this IHttpClientBuilder builder, Action<HttpRetryStrategyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        HttpRetryStrategyOptions retry = new()
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = true,

            // TGI: 429 overloaded and 503 are retryable; 422 validation and 424 generation fail the same way again (API.md §2.1).
            ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is HttpRequestException
                || args.Outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable),
        };
        configure?.Invoke(retry);
        return builder.AddResilienceHandler("Tgi.Retry", pipeline => pipeline.AddRetry(retry));
    }

    /// <summary>
    /// Registers a <see cref="TgiProvider"/> bound from a configuration section (for example <c>Tgi</c> or
    /// <c>Tgi:Providers:0</c>) without reflection, validated at startup (<c>ValidateOnStart</c>). It is registered keyed
    /// by its <c>Name</c> (default <c>tgi</c>); the provider with the lowest <see cref="TgiProviderOptions.Priority"/>
    /// (the first registered among equals) is also the unkeyed <see cref="TgiProvider"/>, and every provider is listed in
    /// <see cref="TgiProviderCatalog"/>. It logs through the container's <see cref="ILoggerFactory"/>, if any.
    /// </summary>
    /// <remarks>
    /// Every key accepts its .NET spelling and its snake_case one (<c>BaseUrl</c> or <c>base_url</c>, <c>timeout</c> for
    /// <see cref="TgiProviderOptions.RequestTimeout"/>, <c>options:supports_json_mode</c>, …). An unknown key fails
    /// start-up with a message that names it and the closest known key.
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <param name="section">The provider's section.</param>
    /// <returns>The HTTP client builder of the provider's replicas.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddTgiProvider(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        string? name = TgiProviderConfiguration.Peek(section, "Name");
        return services.AddTgiProvider(string.IsNullOrWhiteSpace(name) ? "tgi" : name.Trim(), section);
    }

    /// <summary>Registers a <see cref="TgiProvider"/> under a name, bound from a configuration section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The service key (and options name).</param>
    /// <param name="section">The provider's section.</param>
    /// <returns>The HTTP client builder of the provider's replicas.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddTgiProvider(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(section);
        string path = TgiProviderConfiguration.PathOf(section);
        services.AddOptions<TgiProviderOptions>(name)
            .Configure<IServiceProvider>((options, sp) =>
            {
                options.Name = name;
                IConfiguration? root = sp.GetService<IConfiguration>();
                TgiProviderConfiguration.Bind(section, options, name, key => root?[key] ?? Environment.GetEnvironmentVariable(key));
            });
        return AddProviderCore(services, name, path);
    }

    /// <summary>Registers a <see cref="TgiProvider"/> under a name, configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The service key (and options name).</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder of the provider's replicas.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddTgiProvider(this IServiceCollection services, string name, Action<TgiProviderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TgiProviderOptions>(name)
            .Configure(options =>
            {
                options.Name = name;
                configure(options);
                TgiProviderConfiguration.ApplyDefaults(options, Environment.GetEnvironmentVariable);
            });
        return AddProviderCore(services, name, name);
    }

    /// <summary>
    /// Registers one keyed <see cref="TgiProvider"/> per child of <c>Providers</c> in a section (for example <c>Tgi</c>),
    /// each under its <c>Name</c>. <see cref="TgiProviderCatalog"/> lists them by <see cref="TgiProviderOptions.Priority"/>
    /// (lower first), and the first of that order is the unkeyed <see cref="TgiProvider"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section holding <c>Providers</c>.</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddTgiProviders(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        foreach (IConfigurationSection provider in section.GetSection("Providers").GetChildren())
        {
            string? name = TgiProviderConfiguration.Peek(provider, "Name");
            services.AddTgiProvider(string.IsNullOrWhiteSpace(name) ? "tgi-" + provider.Key : name.Trim(), provider);
        }

        return services;
    }

    private static IHttpClientBuilder AddProviderCore(IServiceCollection services, string name, string path)
    {
        services.AddOptions<TgiProviderOptions>(name).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TgiProviderOptions>>(new TgiProviderOptionsValidator(name, path));
        services.AddKeyedSingleton(name, (sp, _) => new TgiProvider(
            sp.GetRequiredService<IOptionsMonitor<TgiProviderOptions>>().Get(name),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ProviderPrefix + name),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.AddSingleton(new TgiProviderRegistration(name));
        services.TryAddSingleton(sp => new TgiProviderCatalog(sp.GetServices<TgiProviderRegistration>()
            .Select(r => r.Name)
            .Distinct(StringComparer.Ordinal)
            .Select(n => sp.GetRequiredKeyedService<TgiProvider>(n))));
        services.TryAddSingleton(sp => sp.GetRequiredService<TgiProviderCatalog>()[0]);

        return services.AddHttpClient(ProviderPrefix + name)
            .ConfigurePrimaryHttpMessageHandler(TgiProvider.CreatePrimaryHandler)
            .AddHttpMessageHandler(sp => new RetryAfterHandler(sp.GetService<TimeProvider>() ?? TimeProvider.System))
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)

            // The provider keeps its client for life; the socket handler recycles connections itself.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }

    private static IHttpClientBuilder AddClientHttpClient(IServiceCollection services, string name) =>
        services.AddHttpClient(ClientPrefix + name)
            .ConfigurePrimaryHttpMessageHandler(TgiProvider.CreatePrimaryHandler)

            // TgiClient applies its own request and idle timeouts; streams may outlive HttpClient's default 100 s.
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);

    private static TgiClient CreateClient(IServiceProvider services, string name) =>
        new(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientPrefix + name),
            services.GetRequiredService<IOptionsMonitor<TgiClientOptions>>().Get(name),
            services.GetService<ILoggerFactory>());
}
