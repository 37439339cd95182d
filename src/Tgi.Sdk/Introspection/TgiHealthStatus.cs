// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Introspection;

/// <summary>The health of a TGI server (<c>GET /health</c>).</summary>
public enum TgiHealthStatus
{
    /// <summary>HTTP 200: the server can generate.</summary>
    Healthy,

    /// <summary>HTTP 503 <c>{"error":"unhealthy","error_type":"healthcheck"}</c>: the backend is not ready or has failed.</summary>
    Unhealthy,
}
