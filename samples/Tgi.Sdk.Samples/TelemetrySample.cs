// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Tgi.Sdk.Telemetry;

namespace Tgi.Sdk.Samples;

/// <summary>The README's OpenTelemetry setup (package OpenTelemetry.Extensions.Hosting).</summary>
public static class TelemetrySample
{
    // snippet: telemetry
    public static IServiceCollection AddTgiTelemetry(IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(TgiTelemetry.ActivitySourceName))
            .WithMetrics(metrics => metrics.AddMeter(TgiTelemetry.MeterName));
        return services;
    }
    // end-snippet
}
