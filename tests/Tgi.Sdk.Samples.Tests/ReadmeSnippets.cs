// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using System.Text.RegularExpressions;

namespace Tgi.Sdk.Samples.Tests;

/// <summary>
/// The code blocks of a Markdown file that quote samples: a line <c>&lt;!-- snippet: NAME --&gt;</c> right before a
/// fenced block says which snippet the block must equal. A C# block without such a line is an error: every C# block
/// in the documentation is compiled code.
/// </summary>
internal static partial class ReadmeSnippets
{
    /// <summary>One quoted block: the snippet it names (null when it names none), its language and its text.</summary>
    public sealed record Block(string? Snippet, string Language, string Text, int Line);

    public static IReadOnlyList<Block> Read(string markdown)
    {
        string[] lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        List<Block> blocks = [];
        for (int i = 0; i < lines.Length; i++)
        {
            Match fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            string? snippet = null;
            if (i > 0 && Marker().Match(lines[i - 1]) is { Success: true } marker)
            {
                snippet = marker.Groups["name"].Value;
            }

            int start = i + 1;
            int end = start;
            while (end < lines.Length && lines[end].TrimEnd() != "```")
            {
                end++;
            }

            blocks.Add(new Block(snippet, fence.Groups["lang"].Value, string.Join('\n', lines[start..end]), i + 1));
            i = end;
        }

        return blocks;
    }

    /// <summary>Replaces every marked block's text with its snippet (what <c>build.ps1 -Target Snippets</c> writes).</summary>
    public static string Rewrite(string markdown, IReadOnlyDictionary<string, string> snippets)
    {
        string[] lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        StringBuilder output = new();
        for (int i = 0; i < lines.Length; i++)
        {
            output.Append(lines[i]);
            if (i < lines.Length - 1)
            {
                output.Append('\n');
            }

            if (Marker().Match(lines[i]) is not { Success: true } marker || i + 1 >= lines.Length || !Fence().IsMatch(lines[i + 1]))
            {
                continue;
            }

            string name = marker.Groups["name"].Value;
            if (!snippets.TryGetValue(name, out string? text))
            {
                throw new InvalidOperationException($"No snippet named '{name}' under samples/.");
            }

            output.Append(lines[i + 1]).Append('\n').Append(text).Append('\n');
            int end = i + 2;
            while (end < lines.Length && lines[end].TrimEnd() != "```")
            {
                end++;
            }

            i = end - 1;
        }

        return output.ToString();
    }

    [GeneratedRegex(@"^```(?<lang>[A-Za-z0-9#+-]+)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^<!--\s*snippet:\s*(?<name>[^\s]+)\s*-->\s*$")]
    private static partial Regex Marker();
}
