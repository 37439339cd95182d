// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Tgi.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// <c>--mode loop --row Class.Method [--seconds N]</c>: runs one benchmark method in a plain loop, outside
/// BenchmarkDotNet, so a sampling profiler (perf with DOTNET_PerfMapEnabled=1, or dotnet-trace) can attach to a
/// steady process. Used to find where a row's time goes; prints the mean per call at the end.
/// </summary>
internal static class ProfileLoop
{
    public static async Task<int> RunAsync(string row, double seconds)
    {
        string[] parts = row.Split('.');
        if (parts.Length != 2)
        {
            Console.Error.WriteLine("--row takes Class.Method, for example GenerateStreamBenchmarks.TgiSdk");
            return 2;
        }

        Type type = typeof(ProfileLoop).Assembly.GetTypes().SingleOrDefault(t => t.Name == parts[0])
            ?? throw new ArgumentException($"No benchmark class {parts[0]}.");
        MethodInfo method = type.GetMethod(parts[1]) ?? throw new ArgumentException($"No method {row}.");
        object instance = Activator.CreateInstance(type)!;
        type.GetMethods().SingleOrDefault(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null)?.Invoke(instance, null);
        var call = (Func<Task<int>>)method.CreateDelegate(typeof(Func<Task<int>>), instance);

        Console.WriteLine($"// loop: {row} for {seconds} s, pid {Environment.ProcessId}");
        long calls = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            await call();
            calls++;
        }

        Console.WriteLine($"// loop: {calls} calls, {sw.Elapsed.TotalMilliseconds * 1e6 / calls:N0} ns per call");
        type.GetMethods().SingleOrDefault(m => m.GetCustomAttribute<GlobalCleanupAttribute>() is not null)?.Invoke(instance, null);
        return 0;
    }
}
