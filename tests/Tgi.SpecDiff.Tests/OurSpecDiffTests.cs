// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json.Nodes;

namespace Tgi.SpecDiff.Tests;

/// <summary>openapi/tgi.json against upstream 3.3.6-dev0 with openapi/deviations.json.</summary>
public class OurSpecDiffTests
{
    [Test]
    public async Task Run_OursWithDeviations_ExitsClean()
    {
        string upstream = SharedData.UpstreamSpecOrSkip("tgi-3.3.6-dev0.json");
        using var output = new StringWriter();
        using var error = new StringWriter();

        int exitCode = SpecDiffRunner.Run(
            ["--upstream", upstream, "--ours", SharedData.OurSpec, "--deviations", SharedData.OurDeviations], output, error);

        await Assert.That(exitCode).IsEqualTo(SpecDiffRunner.ExitClean);
        await Assert.That(output.ToString()).Contains("No unlisted difference.");
        await Assert.That(error.ToString()).IsEmpty();
    }

    [Test]
    public async Task Run_DeviationDeleted_ExitsOneNamingTheItem()
    {
        string upstream = SharedData.UpstreamSpecOrSkip("tgi-3.3.6-dev0.json");
        const string removed = "schemas.ChatRequest.stream_options";
        JsonNode root = JsonNode.Parse(await File.ReadAllTextAsync(SharedData.OurDeviations))!;
        JsonArray entries = root["deviations"]!.AsArray();
        JsonNode entry = entries.Single(e => (string?)e!["path"] == removed)!;
        entries.Remove(entry);
        DirectoryInfo temp = Directory.CreateTempSubdirectory("tgi-specdiff-");
        try
        {
            string deviations = Path.Combine(temp.FullName, "deviations.json");
            await File.WriteAllTextAsync(deviations, root.ToJsonString());
            using var output = new StringWriter();
            using var error = new StringWriter();

            int exitCode = SpecDiffRunner.Run(["--upstream", upstream, "--ours", SharedData.OurSpec, "--deviations", deviations], output, error);

            string[] diffLines = [.. output.ToString().Split('\n').Where(l => l.Contains("DIFF", StringComparison.Ordinal))];
            await Assert.That(exitCode).IsEqualTo(SpecDiffRunner.ExitDifferences);
            await Assert.That(diffLines.Length).IsEqualTo(1);
            await Assert.That(diffLines[0]).Contains(removed);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Compare_OursWithoutDeviations_ReportsEveryListedItem()
    {
        string upstream = SharedData.UpstreamSpecOrSkip("tgi-3.3.6-dev0.json");
        DeviationList deviations = DeviationList.Load(SharedData.OurDeviations);

        IReadOnlyList<SpecDifference> differences = new SpecComparer(SpecDocument.Load(upstream), SpecDocument.Load(SharedData.OurSpec)).Compare();

        // Every difference is explained, and every entry but the /vertex note (not an upstream path) explains one.
        var report = new DiffReport(differences, deviations);
        string[] unused = [.. report.UnusedDeviations.Select(d => d.Path)];
        await Assert.That(report.Unlisted).IsEmpty();
        await Assert.That(unused).IsEquivalentTo(["paths./vertex"]);
    }

    [Test]
    public async Task Deviations_EveryEntry_HasAReason()
    {
        DeviationList deviations = DeviationList.Load(SharedData.OurDeviations);

        await Assert.That(deviations.Entries).IsNotEmpty();
        await Assert.That(deviations.Entries.All(d => d.Reason.Length > 20)).IsTrue();
    }
}
