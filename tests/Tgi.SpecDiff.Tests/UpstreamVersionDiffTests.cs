// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.SpecDiff.Tests;

/// <summary>2.4.1 as the base, 3.3.6-dev0 as upstream: the tool must find the changes API.md §10 lists.</summary>
public class UpstreamVersionDiffTests
{
    [Test]
    public async Task Compare_241To336_ReportsTheNewSchemas()
    {
        string[] paths = Paths(Compare());

        await Assert.That(paths).Contains("schemas.JsonSchemaConfig");
        await Assert.That(paths).Contains("schemas.MessageBody");
    }

    [Test]
    public async Task Compare_241To336_ReportsTextMessageToolCallId()
    {
        SpecDifference difference = Compare().Single(d => d.Path == "schemas.TextMessage.tool_call_id");

        await Assert.That(difference.Detail).IsEqualTo("property missing");
    }

    [Test]
    public async Task Compare_241To336_ReportsToolCallDeltaBecameAnArray()
    {
        SpecDifference difference = Compare().Single(d => d.Path == "schemas.ToolCallDelta.tool_calls");

        await Assert.That(difference.Detail).Contains("upstream array<DeltaToolCall>");
        await Assert.That(difference.Detail).Contains("base DeltaToolCall");
    }

    [Test]
    public async Task Compare_241To336_ReportsTheJsonSchemaGrammarVariant()
    {
        IReadOnlyList<SpecDifference> differences = Compare();

        SpecDifference shape = differences.Single(d => d.Path == "schemas.GrammarType");
        SpecDifference kind = differences.Single(d => d.Path == "schemas.GrammarType.type");
        await Assert.That(shape.Detail).Contains("object(type=json_schema)");
        await Assert.That(kind.Detail).IsEqualTo("enum values missing: json_schema");
        await Assert.That(Paths(differences)).Contains("schemas.GrammarType.value");
    }

    [Test]
    public async Task Compare_241To336_ReportsMessageBecameAllOfWithOptionalContent()
    {
        IReadOnlyList<SpecDifference> differences = Compare();

        await Assert.That(differences.Single(d => d.Path == "schemas.Message").Detail).Contains("allOf(MessageBody|object)");
        await Assert.That(differences.Single(d => d.Path == "schemas.Message.content").Detail).IsEqualTo("optional upstream, required in base");
        await Assert.That(Paths(differences)).Contains("schemas.Message.tool_calls");
    }

    [Test]
    public async Task Compare_241To336_ReportsIncludeUsageNoLongerRequired()
    {
        SpecDifference difference = Compare().Single(d => d.Path == "schemas.StreamOptions.include_usage");

        await Assert.That(difference.Detail).IsEqualTo("optional upstream, required in base");
    }

    [Test]
    public async Task Compare_241To336_ReportsNoPathChange()
    {
        // TGI: API.md §10. both versions serve the same set of paths and operations.
        string[] pathDifferences = [.. Paths(Compare()).Where(p => p.StartsWith("paths.", StringComparison.Ordinal))];

        await Assert.That(pathDifferences).IsEmpty();
    }

    [Test]
    public async Task Run_BaseMode_PrintsTheDifferencesAndExitsOne()
    {
        string older = SharedData.UpstreamSpecOrSkip("tgi-2.4.1.json");
        string newer = SharedData.UpstreamSpecOrSkip("tgi-3.3.6-dev0.json");
        using var output = new StringWriter();
        using var error = new StringWriter();

        int exitCode = SpecDiffRunner.Run(["--base", older, "--upstream", newer], output, error);

        await Assert.That(exitCode).IsEqualTo(SpecDiffRunner.ExitDifferences);
        await Assert.That(output.ToString()).Contains("DIFF  schemas.JsonSchemaConfig: schema missing");
        await Assert.That(error.ToString()).IsEmpty();
    }

    private static IReadOnlyList<SpecDifference> Compare()
    {
        SpecDocument older = SpecDocument.Load(SharedData.UpstreamSpecOrSkip("tgi-2.4.1.json"));
        SpecDocument newer = SpecDocument.Load(SharedData.UpstreamSpecOrSkip("tgi-3.3.6-dev0.json"));
        return new SpecComparer(newer, older, "base").Compare();
    }

    private static string[] Paths(IEnumerable<SpecDifference> differences) => [.. differences.Select(d => d.Path)];
}
