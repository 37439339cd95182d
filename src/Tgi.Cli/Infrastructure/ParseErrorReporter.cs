// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
using System.CommandLine.Parsing;

namespace Tgi.Cli.Infrastructure;

/// <summary>
/// Reports command-line mistakes the way <c>gh</c> and <c>kubectl</c> do: one line each, with a suggestion for a
/// mistyped command or option and a pointer to the help, instead of the parser's error list followed by the whole help.
/// </summary>
internal static class ParseErrorReporter
{
    /// <summary>Writes the parse errors of a command line.</summary>
    /// <param name="parseResult">The failed parse.</param>
    /// <param name="error">stderr.</param>
    /// <returns>A task that completes when written.</returns>
    public static async Task WriteAsync(ParseResult parseResult, TextWriter error)
    {
        foreach (string line in Lines(parseResult))
        {
            await error.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    /// <summary>Formats the parse errors.</summary>
    /// <param name="parseResult">The failed parse.</param>
    /// <returns>The lines for stderr.</returns>
    public static IReadOnlyList<string> Lines(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        Command command = parseResult.CommandResult.Command;
        string path = CommandPath(parseResult.CommandResult);
        string seeHelp = $"See '{path} --help'.";
        IReadOnlyList<string> unmatched = parseResult.UnmatchedTokens;

        // A root with a stray word: a mistyped command.
        if (parseResult.CommandResult.Parent is null)
        {
            if (unmatched.FirstOrDefault(static t => !t.StartsWith('-')) is { } word)
            {
                string? suggestion = Suggest(word, command.Subcommands.Where(static c => !c.Hidden).Select(static c => c.Name));
                return [$"tgi: '{word}' is not a tgi command.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")} {seeHelp}"];
            }

            if (unmatched.Count == 0)
            {
                string commands = string.Join(", ", command.Subcommands.Where(static c => !c.Hidden).Select(static c => c.Name));
                return [$"tgi: a command is required ({commands}). {seeHelp}"];
            }
        }

        List<string> lines = [];
        foreach (string token in unmatched)
        {
            if (token.StartsWith('-') && token.Length > 1)
            {
                string? suggestion = Suggest(token, OptionNames(command));
                lines.Add($"error: {path} has no option '{token}'.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}");
            }
            else
            {
                lines.Add($"error: unexpected argument '{token}'.");
            }
        }

        bool missingArgument = false;
        foreach (Argument argument in command.Arguments.Where(static a => a.Arity.MinimumNumberOfValues > 0))
        {
            if (parseResult.GetResult(argument) is not { Tokens.Count: > 0 })
            {
                missingArgument = true;
                lines.Add($"error: {path} needs its {argument.Name.ToUpperInvariant()} argument.");
            }
        }

        foreach (ParseError parseError in parseResult.Errors)
        {
            // The parser reports each unmatched token once more as "Unrecognized command or argument", and a missing
            // argument as "Required argument missing": both are said above, in plainer words.
            if (unmatched.Any(t => parseError.Message.Contains($"'{t}'", StringComparison.Ordinal))
                || (missingArgument && parseError.Message.StartsWith("Required argument missing", StringComparison.Ordinal)))
            {
                continue;
            }

            lines.Add($"error: {string.Join(' ', parseError.Message.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}");
        }

        if (lines.Count == 0)
        {
            lines.Add("error: the command line is not valid.");
        }

        // The pointer to the help once, at the end.
        lines = [.. lines.Distinct(StringComparer.Ordinal)];
        lines[^1] += " " + seeHelp;
        return lines;
    }

    /// <summary>Finds the closest candidate to a mistyped word: a prefix, or at most a few edits away.</summary>
    /// <param name="word">What was typed.</param>
    /// <param name="candidates">The valid words.</param>
    /// <returns>The suggestion, or null when nothing is close.</returns>
    public static string? Suggest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int distance = candidate.StartsWith(word, StringComparison.OrdinalIgnoreCase) && word.TrimStart('-').Length >= 2
                ? 0
                : Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        int allowed = Math.Max(2, word.TrimStart('-').Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    private static IEnumerable<string> OptionNames(Command command)
    {
        foreach (Option option in command.Options.Where(static o => !o.Hidden))
        {
            yield return option.Name;
            foreach (string alias in option.Aliases)
            {
                yield return alias;
            }
        }
    }

    private static string CommandPath(CommandResult result)
    {
        List<string> names = [];
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent)
        {
            if (c.Parent is not null)
            {
                names.Insert(0, c.Command.Name);
            }
        }

        names.Insert(0, "tgi");
        return string.Join(' ', names);
    }

    /// <summary>The Damerau-Levenshtein (optimal string alignment) distance: a swap of two letters is one edit.</summary>
    private static int Distance(string a, string b)
    {
        int[][] d = new int[a.Length + 1][];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i] = new int[b.Length + 1];
            d[i][0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0][j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i][j] = Math.Min(Math.Min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i][j] = Math.Min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }

        return d[a.Length][b.Length];
    }
}
