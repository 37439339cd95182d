// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using Tgi.Sdk.Benchmarks.Infrastructure;
using Tgi.Sdk.Benchmarks.Loopback;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Benchmarks.Aot;

/// <summary>
/// Publishes the two sample apps in tools/Tgi.AotBaseline with Native AOT in this run (same settings), then runs each
/// against the emulator on loopback and times process start to exit: generate, a stream, chat, a stream, info, health.
/// </summary>
internal static class AotComparison
{
    private const int Runs = 21;

    private static readonly (string Name, string Project, string Binary)[] s_apps =
    [
        ("Tgi.Sdk sample (TgiClient)", "tools/Tgi.AotBaseline/Sdk/Tgi.AotBaseline.Sdk.csproj", "Tgi.AotBaseline.Sdk"),
        ("bare HttpClient + System.Text.Json", "tools/Tgi.AotBaseline/Bare/Tgi.AotBaseline.Bare.csproj", "Tgi.AotBaseline.Bare"),
    ];

    public static async Task<AotComparisonResult> RunAsync(BenchOptions options)
    {
        if (options.Quick)
        {
            // Two Native AOT publishes take minutes on two cores: more than the quick run's whole budget.
            return new AotComparisonResult(0, [], 0, "quick run (two Native AOT publishes do not fit its budget); build.ps1 -Target Aot covers AOT in CI.");
        }

        string root = RepositoryRoot.Path;
        int failures = 0;
        var binaries = new List<(string Name, string Path, string Map)>();
        foreach ((string name, string project, string binary) in s_apps)
        {
            string output = Path.Combine(root, "artifacts", "bench-aot", binary);
            Console.WriteLine($"// AOT: publishing {project}");
            int exit = await RunAsync("dotnet", root, "publish", Path.Combine(root, project), "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo", "-p:IlcGenerateMapFile=true");
            if (exit != 0)
            {
                // The ILCompiler reads Tgi.Sdk's build output, which a parallel build may be rewriting: try once more.
                Console.WriteLine($"// AOT: publish failed (exit {exit}); retrying once");
                exit = await RunAsync("dotnet", root, "publish", Path.Combine(root, project), "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo", "-p:IlcGenerateMapFile=true");
            }

            string path = Path.Combine(output, binary);
            if (exit != 0 || !File.Exists(path))
            {
                Console.Error.WriteLine($"// AOT: publishing {project} failed (exit {exit}).");
                failures++;
                continue;
            }

            // The ILCompiler writes its map file (what every byte is) next to its other intermediate outputs.
            string map = Path.Combine(Path.GetDirectoryName(Path.Combine(root, project))!, "obj", "Release", "net10.0", "linux-x64", "native", binary + ".map.xml");
            binaries.Add((name, path, map));
        }

        if (failures > 0)
        {
            return new AotComparisonResult(0, [], failures, null);
        }

        await using TgiEmulator emulator = await EmulatorSetup.StartAsync(tokens: 32, flushEveryEvents: 1);
        string url = emulator.BaseAddress.AbsoluteUri;
        var times = binaries.Select(_ => new List<double>()).ToArray();
        // One untimed run each (page cache), then alternate so drift hits both apps alike.
        for (int run = -1; run < Runs; run++)
        {
            for (int i = 0; i < binaries.Count; i++)
            {
                var sw = Stopwatch.StartNew();
                int exit = await RunAsync(binaries[i].Path, root, url);
                sw.Stop();
                if (exit != 0)
                {
                    Console.Error.WriteLine($"// AOT: {binaries[i].Name} exited with {exit}.");
                    failures++;
                    return new AotComparisonResult(0, [], failures, null);
                }

                if (run >= 0)
                {
                    times[i].Add(sw.Elapsed.TotalMilliseconds);
                }
            }
        }

        var apps = new List<AotAppResult>();
        for (int i = 0; i < binaries.Count; i++)
        {
            List<double> t = [.. times[i].Order()];
            IReadOnlyDictionary<string, long> components = File.Exists(binaries[i].Map) ? MapFileBreakdown.Read(binaries[i].Map) : new Dictionary<string, long>();
            apps.Add(new AotAppResult(binaries[i].Name, new FileInfo(binaries[i].Path).Length, t[t.Count / 2], t[0], t[^1], components));
            Console.WriteLine($"// AOT: {apps[i].Name}: {apps[i].SizeBytes / 1048576.0:N2} MiB, median {apps[i].MedianMs:N1} ms");
        }

        return new AotComparisonResult(Runs, apps, failures, null);
    }

    private static async Task<int> RunAsync(string file, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        // Read the output so a full pipe never blocks the child; show it only when the child failed.
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine(output);
        }

        return process.ExitCode;
    }
}
