// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers;

/// <summary>The state of an endpoint's circuit breaker.</summary>
public enum TgiCircuitState
{
    /// <summary>Requests flow.</summary>
    Closed,

    /// <summary>Too many recent failures: the endpoint is skipped until the break ends.</summary>
    Open,

    /// <summary>The break ended: the next request is a trial that closes or reopens the circuit.</summary>
    HalfOpen,

    /// <summary>Held open by hand.</summary>
    Isolated,
}
