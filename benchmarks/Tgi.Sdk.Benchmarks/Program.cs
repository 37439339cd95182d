// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Tgi.Sdk.Benchmarks.Aot;
using Tgi.Sdk.Benchmarks.InMemory;
using Tgi.Sdk.Benchmarks.Infrastructure;
using Tgi.Sdk.Benchmarks.Loopback;
using Tgi.Sdk.Benchmarks.Reporting;

namespace Tgi.Sdk.Benchmarks;

/// <summary>
/// Runs the suite: the BenchmarkDotNet benchmarks, then the measurements that do not fit it (headers to first token,
/// memory per open stream, Native AOT size and startup), then writes one Markdown report. Exit code 1 if any benchmark failed (NA).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        BenchOptions options = BenchOptions.Parse(args);
        if (options.Modes.Contains(BenchOptions.Serve))
        {
            // Child process for the memory measurement: the emulator lives outside the measured heap.
            return await EmulatorProcess.ServeAsync();
        }

        if (options.Modes.Contains(BenchOptions.Loop))
        {
            return await ProfileLoop.RunAsync(options.Row ?? string.Empty, options.Seconds);
        }

        var report = new ReportWriter(options);
        int failures = 0;

        if (options.Modes.Contains(BenchOptions.Bdn))
        {
            // BenchmarkDotNet finds this project's .csproj by searching the working directory: start it here.
            Environment.CurrentDirectory = Path.Combine(RepositoryRoot.Path, "benchmarks", "Tgi.Sdk.Benchmarks");
            IEnumerable<Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
                .Run(options.BenchmarkDotNetArgs, BenchConfig.Create(options.Quick));
            foreach (Summary summary in summaries)
            {
                failures += report.AddSummary(summary);
            }
        }

        if (options.Modes.Contains(BenchOptions.Ttft))
        {
            report.AddHeadersToFirstToken(await HeadersToFirstToken.RunAsync(options));
        }

        if (options.Modes.Contains(BenchOptions.Memory))
        {
            failures += report.AddMemory(await MemoryPerStream.RunAsync(options));
        }

        if (options.Modes.Contains(BenchOptions.Aot))
        {
            failures += report.AddAot(await AotComparison.RunAsync(options));
        }

        string path = report.Write();
        Console.WriteLine($"Report: {path}");
        if (failures > 0)
        {
            Console.Error.WriteLine($"{failures} benchmark(s) failed or reported NA: see the output above.");
            return 1;
        }

        return 0;
    }
}
