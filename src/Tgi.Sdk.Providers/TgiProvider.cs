// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Tgi.Sdk.Providers;

/// <summary>
/// A TGI provider: one logical model service over one or more replicas. It picks the API for each request
/// (<see cref="TgiRouteTable"/>), routes by model (each replica's model comes from <c>/info</c>), tries replicas in
/// priority order skipping unhealthy ones and ones whose circuit is open, and fails over on a connection failure,
/// 429 or 503, but only before the first token reaches the caller.
/// </summary>
/// <remarks>
/// <para>Thread-safe: share one instance (dependency injection registers it as a singleton).</para>
/// <para>Replicas are discovered on first use and refreshed every <see cref="TgiProviderOptions.HealthCheckInterval"/>.</para>
/// </remarks>
public partial class TgiProvider : IDisposable
{
    private static readonly ResiliencePropertyKey<FailoverState> s_failoverKey = new("Tgi.Failover");

    private readonly TgiProviderOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly HttpClient? _ownedHttpClient;
    private readonly TgiEndpoint[] _endpoints;
    private readonly ResiliencePipeline _failover;
    private readonly Lock _startGate = new();
    private Task? _started;
    private ITimer? _timer;
    private int _refreshing;
    private bool _disposed;

    /// <summary>Initializes a new instance with its own HTTP client.</summary>
    /// <param name="options">The settings; copied, then defaults from <c>TGI_BASE_URL</c> / <c>TGI_API_KEY</c> are applied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid; the message names each one.</exception>
    public TgiProvider(TgiProviderOptions options)
        : this(options, CreateHttpClient(TimeProvider.System), TimeProvider.System, NullLoggerFactory.Instance, ownsHttpClient: true)
    {
    }

    /// <summary>Initializes a new instance over your HTTP client (for example one from <c>IHttpClientFactory</c>).</summary>
    /// <param name="options">The settings; copied.</param>
    /// <param name="httpClient">The HTTP client for every replica; not disposed by the provider. Its base address is ignored.</param>
    /// <param name="timeProvider">The clock for health checks, timeouts, backoff and circuit breaks; null for the system clock.</param>
    /// <param name="loggerFactory">
    /// Where failover, retries, circuit-breaker transitions, health changes and model discovery are logged (category
    /// <c>Tgi.Sdk.Providers.TgiProvider</c>); null logs nothing. Prompts, generated text and keys are never logged.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="httpClient"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid; the message names each one.</exception>
    public TgiProvider(TgiProviderOptions options, HttpClient httpClient, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : this(options, httpClient, timeProvider ?? TimeProvider.System, loggerFactory ?? NullLoggerFactory.Instance, ownsHttpClient: false)
    {
    }

    /// <summary>Initializes a new instance for mocking; its methods must be overridden.</summary>
    protected TgiProvider()
    {
        _options = new TgiProviderOptions();
        _timeProvider = TimeProvider.System;
        _logger = NullLogger.Instance;
        _endpoints = [];
        _failover = ResiliencePipeline.Empty;
    }

    private TgiProvider(TgiProviderOptions options, HttpClient httpClient, TimeProvider timeProvider, ILoggerFactory loggerFactory, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        _options = options.Clone();
        TgiProviderConfiguration.ApplyDefaults(_options, Environment.GetEnvironmentVariable);
        List<string> errors = TgiProviderOptionsValidation.Validate(_options, _options.Name ?? "TgiProvider");
        if (errors.Count > 0)
        {
            if (ownsHttpClient)
            {
                httpClient.Dispose();
            }

            throw new ArgumentException("Invalid TGI provider settings:" + Environment.NewLine + string.Join(Environment.NewLine, errors), nameof(options));
        }

        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<TgiProvider>();
        _ownedHttpClient = ownsHttpClient ? httpClient : null;
        _endpoints = CreateEndpoints(_options, httpClient, timeProvider, loggerFactory, _logger);
        _failover = CreateFailoverPipeline(_options, timeProvider, _logger);
    }

    /// <summary>Gets the provider's name.</summary>
    public virtual string Name => _options.Name ?? "tgi";

    /// <summary>Gets the provider's priority among providers (lower first; see <see cref="TgiProviderCatalog"/>).</summary>
    public virtual int Priority => _options.Priority;

    /// <summary>Gets the model ids: configured ones plus those discovered from the replicas.</summary>
    public virtual IReadOnlyList<string> Models =>
        [.. _options.Models.Concat(_endpoints.Select(e => e.Model).OfType<string>()).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Whether the provider offers a feature (from its <c>Supports*</c> settings).</summary>
    /// <param name="feature">The feature.</param>
    /// <returns>True when requests may use it.</returns>
    public virtual bool SupportsFeature(TgiProviderFeature feature) => feature switch
    {
        TgiProviderFeature.FunctionCalling => _options.SupportsFunctionCalling,
        TgiProviderFeature.JsonMode => _options.SupportsJsonMode,
        TgiProviderFeature.GuidedGeneration => _options.SupportsGuidedGeneration,
        TgiProviderFeature.Streaming or TgiProviderFeature.TokenCounting or TgiProviderFeature.Details => true,
        _ => false,
    };

    /// <summary>Picks the route a request would take (<see cref="TgiRouteTable"/>), checking the provider's feature flags.</summary>
    /// <param name="request">The request.</param>
    /// <param name="streaming">Whether the caller streams.</param>
    /// <returns>The route.</returns>
    /// <exception cref="ArgumentException">The request is not routable (see <see cref="TgiRouteTable.Resolve"/>).</exception>
    /// <exception cref="NotSupportedException">The request uses a feature this provider is configured without.</exception>
    public virtual TgiRoute SelectRoute(TgiRequest request, bool streaming)
    {
        TgiRoute route = TgiRouteTable.Resolve(request, streaming);
        if ((request.Tools.Count > 0 || request.ToolChoice is not null) && !_options.SupportsFunctionCalling)
        {
            throw Unsupported("tools", nameof(TgiProviderOptions.SupportsFunctionCalling));
        }

        TgiGrammar? grammar = request.ResponseFormat ?? request.Grammar;
        if (grammar is not null)
        {
            if (grammar.Kind == TgiGrammarKind.Regex || request.Grammar is not null)
            {
                if (!_options.SupportsGuidedGeneration)
                {
                    throw Unsupported("a grammar", nameof(TgiProviderOptions.SupportsGuidedGeneration));
                }
            }
            else if (!_options.SupportsJsonMode)
            {
                throw Unsupported("a JSON response_format", nameof(TgiProviderOptions.SupportsJsonMode));
            }
        }

        return route;
    }

    /// <summary>Gets a snapshot of every replica, in priority order.</summary>
    /// <returns>The replicas' states.</returns>
    public virtual IReadOnlyList<TgiEndpointStatus> GetEndpoints() => [.. _endpoints.Select(e => e.Snapshot())];

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the health checks and releases the HTTP client the provider created.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        _timer?.Dispose();
        _ownedHttpClient?.Dispose();
    }

    /// <summary>Runs one request with failover: per attempt, the next replica through its circuit breaker.</summary>
    internal async Task<TResult> ExecuteAsync<TResult>(string? model, Func<TgiEndpoint, CancellationToken, Task<TResult>> attempt, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        FailoverState state = new(SelectCandidates(model));

        // Flows into RetryAfterHandler through the HTTP pipeline; this async method's copy ends with it.
        RetryAfterSlot.Current = state.Slot;
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(s_failoverKey, state);
        try
        {
            return await _failover.ExecuteAsync(
                static async (ctx, s) =>
                {
                    TgiEndpoint endpoint = s.State.Next();
                    if (s.State.LastFailure is { } failed)
                    {
                        ProviderLog.Failover(s.Provider._logger, s.Provider.Name, failed.Endpoint.DisplayUrl, endpoint.DisplayUrl, failed.Reason);
                    }

                    try
                    {
                        return await endpoint.Pipeline.ExecuteAsync(
                            static async (a, ct) => await a.Attempt(a.Endpoint, ct).ConfigureAwait(false),
                            (s.Attempt, Endpoint: endpoint),
                            ctx.CancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (FailoverPolicy.ShouldFailover(e))
                    {
                        if (e is TgiException)
                        {
                            endpoint.RecordFailure(e);
                        }

                        s.State.Failed(endpoint, e);
                        throw;
                    }
                },
                context,
                (State: state, Attempt: attempt, Provider: this)).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e)
        {
            throw new TgiException(
                $"Every replica of TGI provider '{Name}'{ForModel(model)} is ejected (circuit open) after repeated failures; retry later.",
                503,
                new TgiErrorType("circuit_open"),
                e.Message,
                rawResponseBody: null,
                isRetryable: true,
                e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private IReadOnlyList<TgiEndpoint> SelectCandidates(string? model)
    {
        if (model is null)
        {
            return _endpoints;
        }

        List<TgiEndpoint> candidates = [.. _endpoints.Where(e => string.Equals(e.Model, model, StringComparison.OrdinalIgnoreCase))];

        // A replica whose /info could not be read yet may serve the model when the settings say the provider does.
        if (_options.Models.Contains(model, StringComparer.OrdinalIgnoreCase))
        {
            candidates.AddRange(_endpoints.Where(e => e.Model is null));
        }

        if (candidates.Count == 0)
        {
            string known = string.Join(", ", _endpoints.Select(e => $"{e.Model ?? "unknown"} at {e.Url}"));
            throw new TgiException(
                $"No replica of TGI provider '{Name}' serves model '{model}'. Replicas: {known}.",
                404,
                new TgiErrorType("model_not_found"),
                errorMessage: null,
                rawResponseBody: null,
                isRetryable: false);
        }

        return candidates;
    }

    private static string ForModel(string? model) => model is null ? string.Empty : $" for model '{model}'";

    private NotSupportedException Unsupported(string what, string setting) =>
        new($"TGI provider '{Name}' is configured with {setting} = false, but the request uses {what}.");

    private static TgiEndpoint[] CreateEndpoints(TgiProviderOptions options, HttpClient httpClient, TimeProvider timeProvider, ILoggerFactory loggerFactory, ILogger logger)
    {
        IEnumerable<TgiEndpointOptions> configured = options.Endpoints.Count > 0
            ? options.Endpoints
            : [new TgiEndpointOptions { Url = options.BaseUrl }];

        // Priority order; OrderBy is stable, so equal priorities keep list order.
        return
        [
            .. configured
                .OrderBy(e => e.Priority)
                .Select(e =>
                {
                    Uri url = new(e.Url!, UriKind.Absolute);
                    // Each replica's client logs its requests through the provider's logger factory (Debug, as TgiClient).
                    TgiClient client = new(httpClient, CreateClientOptions(options, url), loggerFactory);
                    return new TgiEndpoint(url, e.Priority, e.Model, client, options.Resilience, timeProvider, options.Name ?? "tgi", logger);
                }),
        ];
    }

    /// <summary>The one place provider settings become the settings of a replica's client.</summary>
    private static TgiClientOptions CreateClientOptions(TgiProviderOptions options, Uri url)
    {
        TgiClientOptions clientOptions = new()
        {
            Endpoint = url,
            ApiKey = options.ApiKey,
            RequestTimeout = options.RequestTimeout,
            StreamIdleTimeout = options.StreamIdleTimeout,
        };
        foreach (KeyValuePair<string, string> header in options.Headers)
        {
            clientOptions.Headers[header.Key] = header.Value;
        }

        return clientOptions;
    }

    private static ResiliencePipeline CreateFailoverPipeline(TgiProviderOptions options, TimeProvider timeProvider, ILogger logger)
    {
        TgiResilienceOptions r = options.Resilience;
        ResiliencePipelineBuilder builder = new() { TimeProvider = timeProvider, Name = "Tgi.Provider", InstanceName = options.Name };
        if (r.MaxRetries > 0)
        {
            // Outer: another round over every replica, after an exponential backoff with jitter or the server's Retry-After.
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = r.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = r.RetryDelay,
                MaxDelay = r.MaxRetryDelay,
                ShouldHandle = static args => ValueTask.FromResult(FailoverPolicy.ShouldFailover(args.Outcome.Exception)),
                DelayGenerator = args =>
                {
                    TimeSpan? retryAfter = args.Context.Properties.GetValue(s_failoverKey, null!)?.Slot.RetryAfter;
                    return ValueTask.FromResult(retryAfter is { } delay ? (TimeSpan?)(delay < r.MaxRetryDelay ? delay : r.MaxRetryDelay) : null);
                },
                OnRetry = args =>
                {
                    ProviderLog.Retry(
                        logger,
                        options.Name ?? "tgi",
                        args.Outcome.Exception is { } e ? ProviderLog.Reason(e) : "no result",
                        args.AttemptNumber + 1,
                        args.RetryDelay.TotalMilliseconds);
                    args.Context.Properties.GetValue(s_failoverKey, null!)?.StartRound();
                    return ValueTask.CompletedTask;
                },
            });
        }

        // Inner: the next replica of the round, at once.
        builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 1000,
            BackoffType = DelayBackoffType.Constant,
            Delay = TimeSpan.Zero,
            ShouldHandle = static args => ValueTask.FromResult(
                FailoverPolicy.ShouldFailover(args.Outcome.Exception)
                && args.Context.Properties.GetValue(s_failoverKey, null!) is { HasNext: true }),
        });
        return builder.Build();
    }

    /// <summary>The HTTP client a provider builds for itself: pooled connections, Retry-After capture, no HttpClient timeout.</summary>
    internal static HttpClient CreateHttpClient(TimeProvider timeProvider) =>
        new(new RetryAfterHandler(timeProvider) { InnerHandler = CreatePrimaryHandler() }, disposeHandler: true)
        {
            // Each request has the provider's own timeout (TgiClientOptions.RequestTimeout); streams may run longer.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };

    /// <summary>The socket handler under every provider client.</summary>
    internal static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.All,

        // TGI never redirects: a 3xx is an error (TgiClient names its Location), never followed with the headers.
        AllowAutoRedirect = false,

        // TGI stops generating for a client that has gone: close at once instead of draining a left stream.
        MaxResponseDrainSize = 0,
    };
}
