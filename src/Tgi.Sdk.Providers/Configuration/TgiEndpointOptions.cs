// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers;

/// <summary>One replica of a provider: a TGI server's base URL, its priority, and optionally its model.</summary>
public sealed class TgiEndpointOptions
{
    /// <summary>Gets or sets the base URL, for example <c>http://tgi-0:8080</c>.</summary>
    public string? Url { get; set; }

    /// <summary>Gets or sets the priority: lower is tried first; equal priorities keep list order. Defaults to 0.</summary>
    public int Priority { get; set; }

    /// <summary>
    /// Gets or sets the model id this endpoint serves. Normally left unset: it is read from <c>/info</c> at startup
    /// and on every health refresh.
    /// </summary>
    public string? Model { get; set; }
}
