// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.SpecDiff.Tests;

public class CommandLineOptionsTests
{
    [Test]
    public async Task Parse_BaseWithDeviations_IsRejected()
    {
        CommandLineOptions? options = CommandLineOptions.Parse(["--base", "a.json", "--upstream", "b.json", "--deviations", "d.json"], out string? error);

        await Assert.That(options).IsNull();
        await Assert.That(error).Contains("--base");
    }

    [Test]
    public async Task Parse_NoUpstream_IsRejected()
    {
        CommandLineOptions? options = CommandLineOptions.Parse(["--ours", "a.json"], out string? error);

        await Assert.That(options).IsNull();
        await Assert.That(error).Contains("--upstream");
    }

    [Test]
    public async Task Parse_ExplicitFiles_KeepsThem()
    {
        CommandLineOptions? options = CommandLineOptions.Parse(["--upstream", "u.json", "--ours", "o.json", "--deviations", "d.json"], out string? error);

        await Assert.That(error).IsNull();
        await Assert.That(options?.Upstream).IsEqualTo("u.json");
        await Assert.That(options?.Ours).IsEqualTo("o.json");
        await Assert.That(options?.Deviations).IsEqualTo("d.json");
        await Assert.That(options?.IsBaseMode).IsFalse();
    }

    [Test]
    public async Task Run_UnknownArgument_ExitsTwoWithUsage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        int exitCode = SpecDiffRunner.Run(["--frobnicate"], output, error);

        await Assert.That(exitCode).IsEqualTo(SpecDiffRunner.ExitUsage);
        await Assert.That(error.ToString()).Contains("Usage:");
    }

    [Test]
    public async Task Run_MissingFile_ExitsTwo()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string missing = Path.Combine(Path.GetTempPath(), $"tgi-no-such-{Guid.NewGuid():N}.json");

        int exitCode = SpecDiffRunner.Run(["--base", missing, "--upstream", missing], output, error);

        await Assert.That(exitCode).IsEqualTo(SpecDiffRunner.ExitUsage);
        await Assert.That(error.ToString()).Contains("Tgi.SpecDiff:");
    }
}
