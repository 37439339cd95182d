// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli.Tests.Support;

namespace Tgi.Cli.Tests.Infrastructure;

public class ParserTests
{
    [Test]
    [Arguments("generate")]
    [Arguments("chat")]
    [Arguments("info")]
    [Arguments("models")]
    [Arguments("metrics")]
    [Arguments("tokenize")]
    [Arguments("health")]
    [Arguments("bench")]
    [Arguments("emulator")]
    [Arguments("demo")]
    public async Task Help_EveryCommand_PrintsUsageAndExitsZero(string command)
    {
        CliRun run = await Tool.RunAsync([command, "--help"]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).Contains("Usage:");
        await Assert.That(run.Out).Contains($" {command} ");
    }

    [Test]
    public async Task Help_Root_ListsEveryCommand()
    {
        CliRun run = await Tool.RunAsync(["--help"]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).Contains("generate");
        await Assert.That(run.Out).Contains("bench");
        await Assert.That(run.Out).Contains("emulator");
        await Assert.That(run.Out).Contains("TGI_BASE_URL");
    }

    [Test]
    public async Task UnknownOption_ExitsTwo()
    {
        CliRun run = await Tool.RunAsync(["generate", "x", "--no-such-option"]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
        await Assert.That(run.Error).Contains("--no-such-option");
    }

    [Test]
    public async Task BadOptionValue_ExitsTwo()
    {
        CliRun run = await Tool.RunAsync(["generate", "x", "--max-new-tokens", "many"]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
    }

    [Test]
    public async Task NoCommand_ExitsTwo()
    {
        CliRun run = await Tool.RunAsync([]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
    }

    [Test]
    public async Task Version_PrintsVersionAndExitsZero()
    {
        CliRun run = await Tool.RunAsync(["--version"]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).Contains("0.1.0");
    }
}
