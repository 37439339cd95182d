// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tgi.Sdk.Providers;

/// <summary>
/// An ASP.NET Core health check over a provider: Healthy when every replica is up, Degraded when some are down,
/// the registration's failure status (Unhealthy by default) when none is up.
/// </summary>
internal sealed class TgiProviderHealthCheck : IHealthCheck
{
    private readonly TgiProvider _provider;

    public TgiProviderHealthCheck(TgiProvider provider)
    {
        _provider = provider;
    }

    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Reads every replica's /health and /info now, so the report is not as old as the last periodic check.
        TgiProviderHealth health = await _provider.HealthCheckAsync(cancellationToken).ConfigureAwait(false);
        Dictionary<string, object> data = new(StringComparer.Ordinal);
        List<string> down = [];
        foreach (TgiEndpointStatus endpoint in health.Endpoints)
        {
            // A replica is up when /health says so and its circuit lets requests through.
            bool up = endpoint.IsHealthy == true && endpoint.IsAvailable;
            string url = ProviderLog.Display(endpoint.Url);
            if (!up)
            {
                down.Add(url);
            }

            // Words the SDK chooses only: no server error text, which could echo a key.
            data[url] = $"{(up ? "up" : "down")}; health={Word(endpoint.IsHealthy)}; circuit={endpoint.Circuit}; model={endpoint.Model ?? "unknown"}";
        }

        int total = health.Endpoints.Count;
        int upCount = total - down.Count;
        string description = down.Count == 0
            ? $"TGI provider '{_provider.Name}': all {total} replica(s) up."
            : $"TGI provider '{_provider.Name}': {upCount} of {total} replica(s) up; down: {string.Join(", ", down)}.";
        HealthStatus status = down.Count == 0 ? HealthStatus.Healthy
            : upCount > 0 ? HealthStatus.Degraded
            : context.Registration.FailureStatus;
        return new HealthCheckResult(status, description, exception: null, data);
    }

    private static string Word(bool? healthy) => healthy switch
    {
        true => "healthy",
        false => "unhealthy",
        null => "unknown",
    };
}
