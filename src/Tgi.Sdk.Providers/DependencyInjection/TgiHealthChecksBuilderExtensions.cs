// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tgi.Sdk.Providers;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds ASP.NET Core health checks over <see cref="TgiProvider"/>s.</summary>
public static class TgiHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a health check that reads every replica of a provider (registered with <c>AddTgiProvider</c>) and reports
    /// Healthy when all are up, Degraded when some are down, and <paramref name="failureStatus"/> when none is up.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="providerName">The provider's name (its service key); null for the default provider.</param>
    /// <param name="name">The check's name; defaults to <c>tgi</c>, or <c>tgi:&lt;providerName&gt;</c>.</param>
    /// <param name="failureStatus">The status when no replica is up; null for Unhealthy.</param>
    /// <param name="tags">Tags to filter checks by (for example <c>ready</c>).</param>
    /// <param name="timeout">How long the check may take; null for no limit beyond the provider's health-check timeout.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// The result's data has one entry per replica, keyed by its URL (without user info or query), saying whether it is
    /// up, its last <c>/health</c> answer, its circuit and its model. It never holds keys, headers or server error text.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IHealthChecksBuilder AddTgi(
        this IHealthChecksBuilder builder,
        string? providerName = null,
        string? name = null,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name ?? (providerName is null ? "tgi" : "tgi:" + providerName),
            sp => new TgiProviderHealthCheck(providerName is null
                ? sp.GetRequiredService<TgiProvider>()
                : sp.GetRequiredKeyedService<TgiProvider>(providerName)),
            failureStatus,
            tags,
            timeout));
    }
}
