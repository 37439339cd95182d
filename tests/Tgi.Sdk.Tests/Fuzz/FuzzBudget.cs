// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Collections.Concurrent;
using System.Globalization;

namespace Tgi.Sdk.Tests.Fuzz;

/// <summary>
/// How long the fuzz runs and from which seed. TGI_FUZZ_SECONDS is the whole budget, shared by the route tests
/// (default 60 s; build.ps1 -Target Fuzz runs longer); TGI_FUZZ_SEED replays a run (CsCheck prints the seed of a
/// failing case, and its own CsCheck_Seed variable works too); TGI_FUZZ_REPORT names a file that receives the
/// number of cases per route.
/// </summary>
/// <remarks>A time budget only bounds how many cases run: no assertion depends on how many fit in it.</remarks>
internal static class FuzzBudget
{
    /// <summary>The route tests that share the budget (every body and stream route, plus the loopback sample).</summary>
    private const int Shares = 15;

    private static readonly ConcurrentDictionary<string, string> s_counts = new(StringComparer.Ordinal);

    /// <summary>Gets the seconds one route test runs for.</summary>
    public static int SecondsPerRoute { get; } = Math.Max(1, TotalSeconds() / Shares);

    /// <summary>Gets the seed to start from, or null for a fresh one.</summary>
    public static string? Seed { get; } = Environment.GetEnvironmentVariable("TGI_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;

    /// <summary>Records one route's outcome counts (printed, and written to TGI_FUZZ_REPORT when set).</summary>
    public static void Report(string route, string counts)
    {
        s_counts[route] = counts;
        string line = $"fuzz {route}: {counts}";
        Console.WriteLine(line);
        if (Environment.GetEnvironmentVariable("TGI_FUZZ_REPORT") is { Length: > 0 } path)
        {
            lock (s_counts)
            {
                File.AppendAllText(path, line + Environment.NewLine);
            }
        }
    }

    private static int TotalSeconds() =>
        int.TryParse(Environment.GetEnvironmentVariable("TGI_FUZZ_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int seconds) && seconds > 0
            ? seconds
            : 60;
}
