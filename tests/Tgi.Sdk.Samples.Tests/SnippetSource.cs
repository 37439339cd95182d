// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using Tgi.TestSupport;

namespace Tgi.Sdk.Samples.Tests;

/// <summary>
/// Reads the `// snippet: NAME` … `// end-snippet` regions of the files in samples/ and renders each snippet as the
/// documentation quotes it: the file's using directives, then every region of that name in the file, de-indented.
/// A JSON file under samples/ is a snippet by its file name, quoted whole.
/// </summary>
internal static class SnippetSource
{
    private const string StartMarker = "// snippet: ";
    private const string EndMarker = "// end-snippet";

    public static string SamplesDirectory { get; } = Path.Combine(
        SharedDataLocator.RepositoryRoot ?? throw new InvalidOperationException("No Tgi.Sdk.sln above the tests."),
        "samples");

    /// <summary>Every snippet under samples/, by name.</summary>
    public static IReadOnlyDictionary<string, string> ReadAll()
    {
        Dictionary<string, string> snippets = new(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(SamplesDirectory, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(SamplesDirectory, file);
            if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal))
            {
                continue;
            }

            if (file.EndsWith(".cs", StringComparison.Ordinal))
            {
                foreach ((string name, string text) in Render(File.ReadAllLines(file), relative))
                {
                    if (!snippets.TryAdd(name, text))
                    {
                        throw new InvalidOperationException($"Snippet '{name}' is defined in more than one file ({relative}).");
                    }
                }
            }
            else if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                snippets.Add(Path.GetFileName(file), File.ReadAllText(file).TrimEnd('\n', '\r'));
            }
        }

        return snippets;
    }

    private static IEnumerable<(string Name, string Text)> Render(string[] lines, string file)
    {
        List<string> usings = [.. lines.Where(line => line.StartsWith("using ", StringComparison.Ordinal))];
        Dictionary<string, List<List<string>>> regions = new(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (string line in lines)
        {
            string trimmed = line.Trim();
            if (trimmed.StartsWith(StartMarker, StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    throw new InvalidOperationException($"{file}: a snippet starts inside another one.");
                }

                string name = trimmed[StartMarker.Length..].Trim();
                current = [];
                if (!regions.TryGetValue(name, out List<List<string>>? parts))
                {
                    regions[name] = parts = [];
                }

                parts.Add(current);
            }
            else if (trimmed == EndMarker)
            {
                current = current is not null ? null : throw new InvalidOperationException($"{file}: '{EndMarker}' without a snippet.");
            }
            else
            {
                current?.Add(line);
            }
        }

        if (current is not null)
        {
            throw new InvalidOperationException($"{file}: a snippet is not closed with '{EndMarker}'.");
        }

        foreach ((string name, List<List<string>> parts) in regions)
        {
            StringBuilder text = new();
            if (usings.Count > 0)
            {
                text.AppendJoin('\n', usings).Append("\n\n");
            }

            text.AppendJoin("\n\n", parts.Select(Dedent));
            yield return (name, text.ToString());
        }
    }

    private static string Dedent(List<string> lines)
    {
        int indent = lines.Where(line => line.Trim().Length > 0).Select(line => line.Length - line.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(line => line.Length >= indent ? line[indent..] : line.TrimStart()));
    }
}
