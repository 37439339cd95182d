// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace Tgi.Sdk.Providers;

/// <summary>One replica: its client, its circuit breaker (passive ejection), and what health checks found.</summary>
internal sealed class TgiEndpoint
{
    private readonly Lock _gate = new();
    private readonly CircuitBreakerStateProvider _circuit = new();
    private readonly string? _configuredModel;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _provider;
    private long _openUntilTicks;
    private string? _discoveredModel;
    private bool? _isHealthy;
    private DateTimeOffset? _lastCheckedAt;
    private string? _lastError;

    public TgiEndpoint(
        Uri url,
        int priority,
        string? configuredModel,
        TgiClient client,
        TgiResilienceOptions resilience,
        TimeProvider timeProvider,
        string provider,
        ILogger logger)
    {
        Url = url;
        DisplayUrl = ProviderLog.Display(url);
        Priority = priority;
        _configuredModel = configuredModel;
        Client = client;
        _timeProvider = timeProvider;
        _provider = provider;
        _logger = logger;
        Pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider, Name = "Tgi.Endpoint", InstanceName = url.AbsoluteUri }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = resilience.CircuitBreakerFailureRatio,
                MinimumThroughput = resilience.CircuitBreakerMinimumThroughput,
                SamplingDuration = resilience.CircuitBreakerSamplingDuration,
                BreakDuration = resilience.CircuitBreakerBreakDuration,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is { } e && FailoverPolicy.IsReplicaFailure(e)),
                StateProvider = _circuit,
                OnOpened = args =>
                {
                    // No lock: Polly may raise this while holding its own, which Snapshot takes under ours.
                    Interlocked.Exchange(ref _openUntilTicks, (timeProvider.GetUtcNow() + args.BreakDuration).UtcTicks);
                    ProviderLog.CircuitOpened(_logger, _provider, DisplayUrl, args.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
                OnHalfOpened = _ =>
                {
                    ProviderLog.CircuitHalfOpened(_logger, _provider, DisplayUrl);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    ProviderLog.CircuitClosed(_logger, _provider, DisplayUrl);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Gets the base URL.</summary>
    public Uri Url { get; }

    /// <summary>Gets the base URL without user info, query or fragment, for logs and health reports.</summary>
    public string DisplayUrl { get; }

    /// <summary>Gets the priority (lower first).</summary>
    public int Priority { get; }

    /// <summary>Gets the client for this replica.</summary>
    public TgiClient Client { get; }

    /// <summary>Gets the per-endpoint pipeline: a circuit breaker counting replica failures.</summary>
    public ResiliencePipeline Pipeline { get; }

    /// <summary>Gets the model: configured, else discovered from <c>/info</c>.</summary>
    public string? Model
    {
        get
        {
            lock (_gate)
            {
                return _configuredModel ?? _discoveredModel;
            }
        }
    }

    /// <summary>Gets whether the endpoint should be tried first: not known unhealthy and circuit not open.</summary>
    public bool IsAvailable
    {
        get
        {
            lock (_gate)
            {
                return _isHealthy != false && CircuitNoLock() is TgiCircuitState.Closed or TgiCircuitState.HalfOpen;
            }
        }
    }

    /// <summary>Records a health check's result, logging a change of health or of the discovered model.</summary>
    /// <param name="healthy">Whether <c>/health</c> answered healthy.</param>
    /// <param name="model">The model <c>/info</c> named, or null when it could not be read.</param>
    /// <param name="at">When the check ran.</param>
    /// <param name="error">What went wrong, for <see cref="TgiEndpointStatus.LastError"/>.</param>
    /// <param name="reason">Why the endpoint is unhealthy, in the SDK's own words (logged; never server text).</param>
    public void RecordHealth(bool healthy, string? model, DateTimeOffset at, string? error, string? reason = null)
    {
        bool? was;
        bool newModel;
        lock (_gate)
        {
            was = _isHealthy;
            _isHealthy = healthy;
            _lastCheckedAt = at;
            _lastError = error;
            newModel = model is not null && !string.Equals(model, _discoveredModel, StringComparison.Ordinal);
            if (model is not null)
            {
                _discoveredModel = model;
            }
        }

        if (was != healthy)
        {
            if (healthy)
            {
                ProviderLog.EndpointHealthy(_logger, _provider, DisplayUrl);
            }
            else
            {
                ProviderLog.EndpointUnhealthy(_logger, _provider, DisplayUrl, reason ?? "unhealthy");
            }
        }

        if (newModel)
        {
            ProviderLog.ModelDiscovered(_logger, _provider, DisplayUrl, model!);
        }
    }

    /// <summary>Records a request failure (it does not change health, which only checks decide).</summary>
    public void RecordFailure(Exception error)
    {
        lock (_gate)
        {
            _lastError = error.Message;
        }
    }

    /// <summary>Takes a snapshot.</summary>
    public TgiEndpointStatus Snapshot()
    {
        lock (_gate)
        {
            return new TgiEndpointStatus(Url, Priority, _configuredModel ?? _discoveredModel, _isHealthy, CircuitNoLock(), _lastCheckedAt, _lastError);
        }
    }

    private TgiCircuitState CircuitNoLock() => _circuit.CircuitState switch
    {
        // Polly moves to half-open only when a call arrives after the break; report it as due for that trial call,
        // so selection offers the endpoint again instead of starving it.
        CircuitState.Open => _timeProvider.GetUtcNow().UtcTicks >= Interlocked.Read(ref _openUntilTicks) ? TgiCircuitState.HalfOpen : TgiCircuitState.Open,
        CircuitState.HalfOpen => TgiCircuitState.HalfOpen,
        CircuitState.Isolated => TgiCircuitState.Isolated,
        _ => TgiCircuitState.Closed,
    };
}
