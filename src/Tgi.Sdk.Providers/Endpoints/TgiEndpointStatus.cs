// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers;

/// <summary>A snapshot of one replica: its model, health and circuit.</summary>
public sealed class TgiEndpointStatus
{
    internal TgiEndpointStatus(Uri url, int priority, string? model, bool? isHealthy, TgiCircuitState circuit, DateTimeOffset? lastCheckedAt, string? lastError)
    {
        Url = url;
        Priority = priority;
        Model = model;
        IsHealthy = isHealthy;
        Circuit = circuit;
        LastCheckedAt = lastCheckedAt;
        LastError = lastError;
    }

    /// <summary>Gets the base URL.</summary>
    public Uri Url { get; }

    /// <summary>Gets the priority (lower is tried first).</summary>
    public int Priority { get; }

    /// <summary>Gets the model id, from <c>/info</c> or configuration; null until known.</summary>
    public string? Model { get; }

    /// <summary>Gets the result of the last <c>/health</c> check, or null before the first one.</summary>
    public bool? IsHealthy { get; }

    /// <summary>Gets the circuit breaker's state.</summary>
    public TgiCircuitState Circuit { get; }

    /// <summary>Gets when the endpoint was last checked.</summary>
    public DateTimeOffset? LastCheckedAt { get; }

    /// <summary>Gets the last failure seen on the endpoint (health check or request), if any.</summary>
    public string? LastError { get; }

    /// <summary>Gets whether requests would be sent here first: healthy (or not yet checked) and circuit not open.</summary>
    public bool IsAvailable => IsHealthy != false && Circuit is TgiCircuitState.Closed or TgiCircuitState.HalfOpen;

    /// <inheritdoc/>
    public override string ToString() => $"{Url} model={Model ?? "?"} healthy={IsHealthy?.ToString() ?? "?"} circuit={Circuit}";
}
