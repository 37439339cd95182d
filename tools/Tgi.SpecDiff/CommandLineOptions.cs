// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.SpecDiff;

/// <summary>
/// <c>--upstream FILE [--ours FILE] [--deviations FILE]</c>, or <c>--base FILE --upstream FILE</c> to
/// compare two upstream versions with no deviations (what did the newer one add or change?).
/// </summary>
internal sealed record CommandLineOptions(string Upstream, string Ours, string? Deviations, bool IsBaseMode)
{
    public const string Usage =
        "Usage: Tgi.SpecDiff --upstream FILE [--ours FILE] [--deviations FILE]\n" +
        "       Tgi.SpecDiff --base FILE --upstream FILE\n" +
        "Prints what the upstream spec has that ours (or the base) lacks or types differently.\n" +
        "Defaults: --ours openapi/tgi.json, --deviations deviations.json next to it (when it exists).\n" +
        "Exit codes: 0 no unlisted difference, 1 unlisted differences, 2 bad arguments or input.";

    /// <summary>Parses the arguments; returns null and sets <paramref name="error"/> when they are wrong.</summary>
    public static CommandLineOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name is not ("--upstream" or "--ours" or "--deviations" or "--base"))
            {
                error = $"Unknown argument '{name}'.";
                return null;
            }

            if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
            {
                error = $"{name} needs a file.";
                return null;
            }

            values[name] = args[++i];
        }

        if (!values.TryGetValue("--upstream", out string? upstream))
        {
            error = "--upstream is required.";
            return null;
        }

        if (values.TryGetValue("--base", out string? baseFile))
        {
            if (values.ContainsKey("--ours") || values.ContainsKey("--deviations"))
            {
                error = "--base compares two upstream files: it takes no --ours or --deviations.";
                return null;
            }

            error = null;
            return new CommandLineOptions(upstream, baseFile, null, IsBaseMode: true);
        }

        string ours = values.GetValueOrDefault("--ours") ?? Path.Combine("openapi", "tgi.json");
        string? deviations = values.GetValueOrDefault("--deviations");
        if (deviations is null)
        {
            string sibling = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ours)) ?? ".", "deviations.json");
            deviations = File.Exists(sibling) ? sibling : null;
        }

        error = null;
        return new CommandLineOptions(upstream, ours, deviations, IsBaseMode: false);
    }
}
