// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;

namespace Tgi.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// Command line: <c>[--quick] [--mode bdn,ttft,memory,aot] [--streams N] [--hold SECONDS] [--report FILE]</c>, or <c>--mode loop --row
/// Class.Method [--seconds N]</c> for profiling; anything else goes to
/// BenchmarkDotNet (for example <c>--filter *Chat*</c>).
/// </summary>
internal sealed class BenchOptions
{
    public const string Bdn = "bdn";
    public const string Memory = "memory";
    public const string Aot = "aot";
    public const string Ttft = "ttft";
    public const string Serve = "serve";
    public const string Loop = "loop";

    public bool Quick { get; private set; }

    public HashSet<string> Modes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Concurrent open streams for the memory measurement.</summary>
    public int Streams { get; private set; } = 1000;

    public string? ReportPath { get; private set; }

    /// <summary>Loop mode: the benchmark to run (Class.Method) and for how long.</summary>
    public string? Row { get; private set; }

    public double Seconds { get; private set; } = 10;

    /// <summary>Memory mode: seconds to keep each client's streams open after measuring (to take a heap dump).</summary>
    public double HoldSeconds { get; private set; }

    public string[] BenchmarkDotNetArgs { get; private set; } = [];

    /// <summary>The command line as given, for the report.</summary>
    public string CommandLine { get; private set; } = string.Empty;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions { CommandLine = string.Join(' ', args) };
        var rest = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    options.Quick = true;
                    break;
                case "--mode" when i + 1 < args.Length:
                    foreach (string m in args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        options.Modes.Add(m);
                    }

                    break;
                case "--streams" when i + 1 < args.Length:
                    options.Streams = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--row" when i + 1 < args.Length:
                    options.Row = args[++i];
                    break;
                case "--seconds" when i + 1 < args.Length:
                    options.Seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--hold" when i + 1 < args.Length:
                    options.HoldSeconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--report" when i + 1 < args.Length:
                    options.ReportPath = args[++i];
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        int filterAt = Math.Max(rest.IndexOf("--filter"), rest.IndexOf("-f"));
        bool everything = filterAt < 0 || (filterAt + 1 < rest.Count && rest[filterAt + 1] == "*");
        if (options.Modes.Count == 0)
        {
            // A narrower filter means "these benchmarks": the other measurements run with the whole suite only.
            options.Modes.UnionWith(everything ? [Bdn, Ttft, Memory, Aot] : [Bdn]);
        }

        // BenchmarkDotNet asks interactively without a filter: run everything unless told otherwise.
        if (filterAt < 0)
        {
            rest.AddRange(["--filter", "*"]);
        }

        options.BenchmarkDotNetArgs = [.. rest];
        return options;
    }
}
