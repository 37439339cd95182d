// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers;

/// <summary>
/// Retry, failover and circuit-breaker settings of a provider (run by Polly). Failover to the next replica happens
/// only before the first token reaches the caller.
/// </summary>
public sealed class TgiResilienceOptions
{
    /// <summary>
    /// Gets or sets how many more rounds over all candidate replicas follow the first one when every replica failed
    /// with a retryable error. Defaults to 1. Within a round, the next replica is tried at once.
    /// </summary>
    public int MaxRetries { get; set; } = 1;

    /// <summary>Gets or sets the base of the exponential backoff (with jitter) between rounds. Defaults to 1 second.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait between rounds, including one asked for by <c>Retry-After</c>. Defaults to 30 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the failure ratio within <see cref="CircuitBreakerSamplingDuration"/> that opens an endpoint's circuit. Defaults to 0.5.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Gets or sets how many calls must be sampled before the circuit may open (at least 2). Defaults to 4.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 4;

    /// <summary>Gets or sets the window over which failures are counted. Defaults to 30 seconds.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long an open circuit keeps an endpoint out before one trial call. Defaults to 30 seconds.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    internal void CopyTo(TgiResilienceOptions target)
    {
        target.MaxRetries = MaxRetries;
        target.RetryDelay = RetryDelay;
        target.MaxRetryDelay = MaxRetryDelay;
        target.CircuitBreakerFailureRatio = CircuitBreakerFailureRatio;
        target.CircuitBreakerMinimumThroughput = CircuitBreakerMinimumThroughput;
        target.CircuitBreakerSamplingDuration = CircuitBreakerSamplingDuration;
        target.CircuitBreakerBreakDuration = CircuitBreakerBreakDuration;
    }
}
