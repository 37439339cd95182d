// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Tgi.Sdk.Benchmarks.Infrastructure;

/// <summary>The two ways the suite runs: the full measurement, and -Quick (each benchmark once, in process, for CI).</summary>
internal static class BenchConfig
{
    public static IConfig Create(bool quick)
    {
        Job job = quick
            // CI smoke test: every benchmark runs once in this process; no child build, no timing worth reading.
            ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick")
            // Separate process per benchmark (BenchmarkDotNet's default); fixed counts keep the whole run predictable.
            : Job.Default.WithWarmupCount(4).WithIterationCount(20).WithId("Full");

        return ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(CategoriesColumn.Default)
            .AddColumn(PerTokenColumn.TokensPerSecond, PerTokenColumn.PercentOfLimit)
            .AddExporter(JsonExporter.Full)
            .WithArtifactsPath(RepositoryRoot.Artifacts);
    }
}
