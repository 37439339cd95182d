// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Tgi.Sdk.Tests.Telemetry;

/// <summary>
/// The real OpenTelemetry SDK with in-memory exporters, as an app would configure it. Listeners are process-wide
/// and tests run in parallel, so every reading is filtered by the test's own emulator port.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly TracerProvider _tracing;
    private readonly MeterProvider _meters;

    public TelemetryCapture()
    {
        _tracing = OpenTelemetry.Sdk.CreateTracerProviderBuilder()
            .AddSource(TgiTelemetry.ActivitySourceName, "System.Net.Http")
            .AddInMemoryExporter(_spans)
            .Build()!;
        _meters = OpenTelemetry.Sdk.CreateMeterProviderBuilder()
            .AddMeter(TgiTelemetry.MeterName)
            .AddInMemoryExporter(_metrics)
            .Build()!;
    }

    /// <summary>The SDK's spans that went to this port.</summary>
    public List<Activity> SpansFor(Uri server)
    {
        _tracing.ForceFlush();
        lock (_spans)
        {
            return [.. _spans.Where(a => a.Source.Name == TgiTelemetry.ActivitySourceName && Equals(a.GetTagItem("server.port"), server.Port))];
        }
    }

    /// <summary>The HttpClient spans that went to this port.</summary>
    public List<Activity> HttpSpansFor(Uri server)
    {
        _tracing.ForceFlush();
        lock (_spans)
        {
            return [.. _spans.Where(a => a.Source.Name == "System.Net.Http" && Equals(a.GetTagItem("server.port"), server.Port))];
        }
    }

    /// <summary>The points of one metric recorded for this port, with their tags.</summary>
    public List<(IReadOnlyDictionary<string, object?> Tags, double Sum, long Count)> PointsFor(string metricName, Uri server)
    {
        _meters.ForceFlush();
        List<(IReadOnlyDictionary<string, object?>, double, long)> points = [];

        // Cumulative snapshots: the newest one of the metric holds every point so far.
        MetricSnapshot? newest;
        lock (_metrics)
        {
            newest = _metrics.LastOrDefault(m => m.Name == metricName);
        }

        if (newest is not null)
        {
            foreach (MetricPoint point in newest.MetricPoints)
            {
                Dictionary<string, object?> tags = [];
                foreach (KeyValuePair<string, object?> tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }

                if (Equals(tags.GetValueOrDefault("server.port"), server.Port))
                {
                    points.Add((tags, point.GetHistogramSum(), point.GetHistogramCount()));
                }
            }
        }

        return points;
    }

    public void Dispose()
    {
        _tracing.Dispose();
        _meters.Dispose();
    }
}
