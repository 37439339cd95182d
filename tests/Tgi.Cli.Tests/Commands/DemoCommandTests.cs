// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli.Tests.Support;

namespace Tgi.Cli.Tests.Commands;

public class DemoCommandTests
{
    [Test]
    public async Task Demo_RunsEverySectionAgainstTheEmulatorAndSaysSo()
    {
        CliRun run = await Tool.RunAsync(["demo", "--tokens-per-second", "0"]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).Contains("NOT a real model");
        await Assert.That(run.Out).Contains("TGI emulator");
        await Assert.That(run.Out).Contains("== 1/4 Streamed generate");
        await Assert.That(run.Out).Contains("== 2/4 Streamed chat");
        await Assert.That(run.Out).Contains("== 3/4 Tool call");
        await Assert.That(run.Out).Contains("tool call: get_current_weather {\"location\":");
        await Assert.That(run.Out).Contains("== 4/4 JSON-schema-constrained answer");
        await Assert.That(run.Out).Contains("valid JSON with the required fields: yes");
        await Assert.That(run.Out).Contains("Demo complete.");
    }

    [Test]
    [Arguments("""{"city":"Paris","population":2,"is_capital":true}""", true)]
    [Arguments("""{"city":"Paris"}""", false)]
    [Arguments("""not json""", false)]
    public async Task HasRequiredFields_ChecksTheSchemaFields(string json, bool expected)
    {
        await Assert.That(Tgi.Cli.Commands.DemoCommand.HasRequiredFields(json)).IsEqualTo(expected);
    }
}
