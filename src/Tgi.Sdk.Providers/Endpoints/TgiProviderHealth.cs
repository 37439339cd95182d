// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers;

/// <summary>The result of <see cref="TgiProvider.HealthCheckAsync"/>: every replica's state.</summary>
public sealed class TgiProviderHealth
{
    internal TgiProviderHealth(IReadOnlyList<TgiEndpointStatus> endpoints)
    {
        Endpoints = endpoints;
    }

    /// <summary>Gets whether at least one replica is healthy.</summary>
    public bool IsHealthy => Endpoints.Any(e => e.IsHealthy == true);

    /// <summary>Gets every replica's state, in priority order.</summary>
    public IReadOnlyList<TgiEndpointStatus> Endpoints { get; }
}
