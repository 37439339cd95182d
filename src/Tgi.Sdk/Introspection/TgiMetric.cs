// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Introspection;

/// <summary>One sample of TGI's Prometheus metrics (<c>GET /metrics</c>): a name, its labels and a value.</summary>
public sealed class TgiMetric
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="name">The metric name, for example <c>tgi_request_count</c>.</param>
    /// <param name="labels">The labels.</param>
    /// <param name="value">The value (may be NaN or infinite).</param>
    public TgiMetric(string name, IReadOnlyDictionary<string, string> labels, double value)
    {
        Name = name ?? string.Empty;
        Labels = labels ?? new Dictionary<string, string>();
        Value = value;
    }

    /// <summary>Gets the metric name (histogram samples keep their <c>_bucket</c>, <c>_sum</c> or <c>_count</c> suffix).</summary>
    public string Name { get; }

    /// <summary>Gets the labels (for example <c>le</c> on histogram buckets).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Gets the value.</summary>
    public double Value { get; }
}
