// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Tgi.Sdk.Providers;

/// <summary>
/// The settings of one TGI provider: where its replicas are, how to authenticate, which features it offers, and how
/// failover, circuit breaking and health checks behave. Bind it from configuration (for example the section
/// <c>Tgi</c> or <c>Tgi:Providers:0</c>) with <c>AddTgiProvider</c> or <see cref="FromConfiguration"/>, or set it in code.
/// </summary>
/// <remarks>
/// <para>Every configuration key accepts its .NET spelling and its snake_case one: <c>BaseUrl</c> or <c>base_url</c>,
/// <c>RequestTimeout</c> or <c>timeout</c>, and the feature flags also under <c>options</c>
/// (<c>options:supports_function_calling</c>). An unknown key is an error that names it and the closest known key.
/// Durations are <c>hh:mm:ss</c> or a number of seconds.</para>
/// <para>When neither <see cref="BaseUrl"/> nor <see cref="Endpoints"/> is set, the base URL comes from the
/// <c>TGI_BASE_URL</c> environment variable, else <see cref="DefaultBaseUrl"/>. When <see cref="ApiKey"/> is not set,
/// it comes from <c>TGI_API_KEY</c>.</para>
/// </remarks>
public sealed class TgiProviderOptions
{
    /// <summary>The base URL used when none is configured and <c>TGI_BASE_URL</c> is not set.</summary>
    public const string DefaultBaseUrl = "http://localhost:8080";

    /// <summary>The environment variable that supplies the default base URL.</summary>
    public const string BaseUrlEnvironmentVariable = "TGI_BASE_URL";

    /// <summary>The environment variable that supplies the default API key.</summary>
    public const string ApiKeyEnvironmentVariable = "TGI_API_KEY";

    /// <summary>The default request timeout: 120 seconds, as <see cref="TgiClientOptions.DefaultRequestTimeout"/>.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TgiClientOptions.DefaultRequestTimeout;

    /// <summary>The default first-token timeout: 60 seconds.</summary>
    public static readonly TimeSpan DefaultFirstTokenTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the provider's name (also its key for keyed dependency injection). Defaults to <c>tgi</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the base URL of a single TGI server, for example <c>http://localhost:8080</c>.</summary>
    /// <remarks>Used as the only endpoint when <see cref="Endpoints"/> is empty; ignored otherwise.</remarks>
    public string? BaseUrl { get; set; }

    /// <summary>Gets the replicas. Each is tried in <see cref="TgiEndpointOptions.Priority"/> order, then list order.</summary>
    public IList<TgiEndpointOptions> Endpoints { get; } = new List<TgiEndpointOptions>();

    /// <summary>
    /// Gets the model ids this provider serves. Each endpoint's model is discovered from <c>/info</c>; this list is the
    /// fallback for endpoints whose <c>/info</c> could not be read, and what the provider advertises before discovery.
    /// </summary>
    public IList<string> Models { get; } = new List<string>();

    /// <summary>
    /// Gets or sets the provider's priority among several providers: lower comes first in
    /// <see cref="TgiProviderCatalog"/>, and the lowest is the default (unkeyed) <see cref="TgiProvider"/> of the
    /// container. Equal priorities keep registration order. Replicas have their own <see cref="TgiEndpointOptions.Priority"/>.
    /// </summary>
    public int Priority { get; set; }

    /// <summary>
    /// Gets or sets how long one attempt on one replica may take: a whole non-streaming call, or a streaming call until
    /// the response headers arrive (the same setting as <see cref="TgiClientOptions.RequestTimeout"/>; configuration also
    /// accepts it as <c>timeout</c>). <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it. Defaults to 120 seconds.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = DefaultRequestTimeout;

    /// <summary>
    /// Gets or sets how long a stream may wait for its first update after the request was sent. A replica that answers
    /// with headers (or keep-alives) but no first token within this time is abandoned and the next replica is tried;
    /// once a token has reached the caller there is no failover. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// disables it. Defaults to 60 seconds.
    /// </summary>
    public TimeSpan FirstTokenTimeout { get; set; } = DefaultFirstTokenTimeout;

    /// <summary>
    /// Gets or sets the longest gap allowed between two reads of a stream (the same setting as
    /// <see cref="TgiClientOptions.StreamIdleTimeout"/>). <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// disables it. Defaults to 60 seconds.
    /// </summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TgiClientOptions.DefaultStreamIdleTimeout;

    /// <summary>Gets or sets the API key sent as <c>Authorization: Bearer</c>. Defaults to <c>TGI_API_KEY</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets the extra headers sent with every request.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets whether the models take tools (TGI's tool grammar). Defaults to true.</summary>
    public bool SupportsFunctionCalling { get; set; } = true;

    /// <summary>Gets or sets whether the provider takes a JSON <c>response_format</c>. Defaults to true.</summary>
    public bool SupportsJsonMode { get; set; } = true;

    /// <summary>
    /// Gets or sets whether the provider takes grammars (JSON schema, regex). Defaults to true; false for a server
    /// started with <c>--disable-grammar-support</c>.
    /// </summary>
    public bool SupportsGuidedGeneration { get; set; } = true;

    /// <summary>Gets or sets how often every endpoint's <c>/health</c> and <c>/info</c> are read. Zero turns the periodic check off.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the longest wait for one replica's <c>/health</c> or <c>/info</c>, so a silent replica cannot hold up
    /// discovery. Defaults to 5 seconds.
    /// </summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the retry, failover and circuit-breaker settings.</summary>
    public TgiResilienceOptions Resilience { get; } = new();

    /// <summary>
    /// Binds options from a configuration section (for example <c>Tgi</c>), in either spelling of every key, without
    /// reflection.
    /// </summary>
    /// <param name="section">The provider's section.</param>
    /// <returns>The bound options; settings the section does not give keep their defaults.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="section"/> is null.</exception>
    /// <exception cref="OptionsValidationException">
    /// A key is unknown (the message names it and the closest known key), a value has the wrong type, or a key is given
    /// in both spellings; <see cref="OptionsValidationException.Failures"/> has one message per key.
    /// </exception>
    public static TgiProviderOptions FromConfiguration(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        TgiProviderOptions options = new();
        TgiProviderConfiguration.Bind(section, options, Options.DefaultName);
        return options;
    }

    /// <summary>Creates a deep copy, so a provider is not affected by later changes.</summary>
    internal TgiProviderOptions Clone()
    {
        TgiProviderOptions copy = new()
        {
            Name = Name,
            BaseUrl = BaseUrl,
            Priority = Priority,
            RequestTimeout = RequestTimeout,
            FirstTokenTimeout = FirstTokenTimeout,
            StreamIdleTimeout = StreamIdleTimeout,
            ApiKey = ApiKey,
            SupportsFunctionCalling = SupportsFunctionCalling,
            SupportsJsonMode = SupportsJsonMode,
            SupportsGuidedGeneration = SupportsGuidedGeneration,
            HealthCheckInterval = HealthCheckInterval,
            HealthCheckTimeout = HealthCheckTimeout,
        };
        foreach (TgiEndpointOptions endpoint in Endpoints)
        {
            copy.Endpoints.Add(new TgiEndpointOptions { Url = endpoint.Url, Priority = endpoint.Priority, Model = endpoint.Model });
        }

        foreach (string model in Models)
        {
            copy.Models.Add(model);
        }

        foreach (KeyValuePair<string, string> header in Headers)
        {
            copy.Headers[header.Key] = header.Value;
        }

        Resilience.CopyTo(copy.Resilience);
        return copy;
    }
}
