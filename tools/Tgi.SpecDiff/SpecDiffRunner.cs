// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.SpecDiff;

/// <summary>Runs a comparison from command-line arguments and prints the report.</summary>
internal static class SpecDiffRunner
{
    public const int ExitClean = 0;
    public const int ExitDifferences = 1;
    public const int ExitUsage = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        CommandLineOptions? options = CommandLineOptions.Parse(args, out string? problem);
        if (options is null)
        {
            error.WriteLine(problem);
            error.WriteLine(CommandLineOptions.Usage);
            return ExitUsage;
        }

        DiffReport report;
        try
        {
            report = Compare(options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException or InvalidOperationException)
        {
            error.WriteLine($"Tgi.SpecDiff: {e.Message}");
            return ExitUsage;
        }

        Print(options, report, output);
        return report.IsClean ? ExitClean : ExitDifferences;
    }

    /// <summary>Loads the files named by <paramref name="options"/> and applies the deviations.</summary>
    public static DiffReport Compare(CommandLineOptions options)
    {
        SpecDocument upstream = SpecDocument.Load(options.Upstream);
        SpecDocument ours = SpecDocument.Load(options.Ours);
        DeviationList deviations = options.Deviations is null ? DeviationList.Empty : DeviationList.Load(options.Deviations);
        string label = options.IsBaseMode ? "base" : "ours";
        return new DiffReport(new SpecComparer(upstream, ours, label).Compare(), deviations);
    }

    private static void Print(CommandLineOptions options, DiffReport report, TextWriter output)
    {
        string oursLabel = options.IsBaseMode ? "base" : "ours";
        output.WriteLine($"Tgi.SpecDiff: upstream {options.Upstream} against {oursLabel} {options.Ours}" +
            (options.Deviations is null ? " (no deviations file)" : $" with {options.Deviations}"));

        if (report.Listed.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Deliberate deviations ({report.Listed.Count}):");
            foreach ((SpecDifference difference, Deviation deviation) in report.Listed)
            {
                output.WriteLine($"  ok    {difference}");
                output.WriteLine($"        reason: {deviation.Reason}");
            }
        }

        if (report.UnusedDeviations.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Deviation entries this upstream spec does not exercise ({report.UnusedDeviations.Count}):");
            foreach (Deviation deviation in report.UnusedDeviations)
            {
                output.WriteLine($"  note  {deviation.Path}: {deviation.Reason}");
            }
        }

        output.WriteLine();
        if (report.IsClean)
        {
            output.WriteLine("No unlisted difference.");
            return;
        }

        output.WriteLine($"Unlisted differences ({report.Unlisted.Count}): upstream has these and {oursLabel} lacks them or types them differently.");
        foreach (SpecDifference difference in report.Unlisted)
        {
            output.WriteLine($"  DIFF  {difference}");
        }
    }
}
