// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Tgi.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// Throughput columns for the loopback benchmarks, where Mean is already ns/token (OperationsPerInvoke = tokens):
/// tokens/s, and the share of the same run's limit row.
/// </summary>
internal sealed class PerTokenColumn : IColumn
{
    public static readonly IColumn TokensPerSecond = new PerTokenColumn("TokensPerSec", "Tokens/s", asShareOfLimit: false);
    public static readonly IColumn PercentOfLimit = new PerTokenColumn("PercentOfLimit", "% of limit", asShareOfLimit: true);

    private readonly bool _asShareOfLimit;

    private PerTokenColumn(string id, string name, bool asShareOfLimit)
    {
        Id = id;
        ColumnName = name;
        _asShareOfLimit = asShareOfLimit;
    }

    public string Id { get; }

    public string ColumnName { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => _asShareOfLimit
        ? "Tokens/s as a share of the limit row's tokens/s in the same group"
        : "Tokens per second (1e9 / ns per token)";

    public bool IsAvailable(Summary summary) =>
        summary.BenchmarksCases.Any(c => c.Descriptor.Categories.Contains(Categories.Loopback));

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is not > 0)
        {
            return "NA";
        }

        if (!_asShareOfLimit)
        {
            return (1e9 / mean.Value).ToString("N0", CultureInfo.InvariantCulture);
        }

        BenchmarkCase? baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        double? limit = baseline is null ? null : summary[baseline]?.ResultStatistics?.Mean;
        return limit is > 0 ? (limit.Value / mean.Value).ToString("P0", CultureInfo.InvariantCulture) : "NA";
    }

    public override string ToString() => ColumnName;
}
