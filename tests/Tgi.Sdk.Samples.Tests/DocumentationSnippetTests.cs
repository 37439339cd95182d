// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.TestSupport;

namespace Tgi.Sdk.Samples.Tests;

/// <summary>
/// Every C# block in the documentation is a compiled sample: README.md, the packages' READMEs and docs/ quote the
/// regions of samples/ exactly. Set <c>TGI_UPDATE_SNIPPETS=1</c> (or run <c>build.ps1 -Target Snippets</c>) to rewrite
/// the quotes from the samples.
/// </summary>
[NotInParallel("documentation-files")]
public sealed class DocumentationSnippetTests
{
    private static readonly string s_root = SharedDataLocator.RepositoryRoot!;

    public static IEnumerable<string> MarkdownFiles()
    {
        IEnumerable<string> files = new[] { "README.md" }
            .Concat(Directory.EnumerateFiles(Path.Combine(s_root, "src"), "README.md", SearchOption.AllDirectories))
            .Concat(Directory.Exists(Path.Combine(s_root, "docs"))
                ? Directory.EnumerateFiles(Path.Combine(s_root, "docs"), "*.md", SearchOption.AllDirectories)
                : [])
            .Concat(Directory.EnumerateFiles(Path.Combine(s_root, "samples"), "README.md", SearchOption.AllDirectories));
        return files
            .Select(path => Path.GetRelativePath(s_root, Path.Combine(s_root, path)).Replace('\\', '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal);
    }

    [Test]
    [MethodDataSource(nameof(MarkdownFiles))]
    public async Task EveryCSharpBlock_QuotesACompiledSample(string file)
    {
        string path = Path.Combine(s_root, file);
        string markdown = await File.ReadAllTextAsync(path);
        IReadOnlyDictionary<string, string> snippets = SnippetSource.ReadAll();
        if (Environment.GetEnvironmentVariable("TGI_UPDATE_SNIPPETS") == "1")
        {
            string rewritten = ReadmeSnippets.Rewrite(markdown, snippets);
            if (rewritten != markdown)
            {
                await File.WriteAllTextAsync(path, rewritten);
                markdown = rewritten;
            }
        }

        List<string> problems = [];
        foreach (ReadmeSnippets.Block block in ReadmeSnippets.Read(markdown))
        {
            bool isCSharp = block.Language is "csharp" or "cs" or "c#";
            if (block.Snippet is null)
            {
                if (isCSharp)
                {
                    problems.Add($"{file}:{block.Line}: a C# block that quotes no sample (put '<!-- snippet: NAME -->' before it and the code in samples/)");
                }

                continue;
            }

            if (!snippets.TryGetValue(block.Snippet, out string? expected))
            {
                problems.Add($"{file}:{block.Line}: no snippet named '{block.Snippet}' under samples/");
            }
            else if (block.Text != expected)
            {
                problems.Add($"{file}:{block.Line}: the block differs from snippet '{block.Snippet}' (run build.ps1 -Target Snippets)");
            }
        }

        await Assert.That(problems).IsEmpty();
    }

    [Test]
    public async Task EverySample_IsQuotedByTheDocumentation()
    {
        // README.md quotes the samples a newcomer needs first; docs/ quotes the rest (the usage pages, the deployment
        // configuration, the wire bodies): a sample nobody quotes is dead documentation.
        HashSet<string?> quoted = [];
        foreach (string file in MarkdownFiles())
        {
            string markdown = await File.ReadAllTextAsync(Path.Combine(s_root, file));
            quoted.UnionWith(ReadmeSnippets.Read(markdown).Select(block => block.Snippet));
        }

        string[] missing = [.. SnippetSource.ReadAll().Keys.Where(name => !quoted.Contains(name))];
        await Assert.That(missing).IsEmpty();
    }

    [Test]
    public async Task Snippets_RenderWithTheirFilesUsings()
    {
        IReadOnlyDictionary<string, string> snippets = SnippetSource.ReadAll();
        await Assert.That(snippets["quick-start"]).StartsWith("using Tgi.Sdk;\nusing Tgi.Sdk.Chat;\nusing Tgi.Sdk.Generate;\n\npublic static async Task RunAsync(Uri endpoint)");
        await Assert.That(snippets["tools"]).Contains("\n\npublic sealed record WeatherArgs(string City);");
    }
}
