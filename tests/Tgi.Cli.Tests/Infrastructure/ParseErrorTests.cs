// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli.Infrastructure;
using Tgi.Cli.Tests.Support;

namespace Tgi.Cli.Tests.Infrastructure;

public class ParseErrorTests
{
    [Test]
    public async Task MistypedCommand_OneLineWithSuggestion_ExitsTwo()
    {
        CliRun run = await Tool.RunAsync(["genrate", "Hello"]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
        await Assert.That(run.Out).IsEmpty();
        await Assert.That(run.Error.TrimEnd()).IsEqualTo("tgi: 'genrate' is not a tgi command. Did you mean 'generate'? See 'tgi --help'.");
    }

    [Test]
    public async Task UnknownCommandNothingClose_OneLineWithoutSuggestion()
    {
        CliRun run = await Tool.RunAsync(["frobnicate"]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
        await Assert.That(run.Error.TrimEnd()).IsEqualTo("tgi: 'frobnicate' is not a tgi command. See 'tgi --help'.");
    }

    [Test]
    public async Task NoCommand_OneLineListingTheCommands()
    {
        CliRun run = await Tool.RunAsync([]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
        await Assert.That(Lines(run.Error)).Count().IsEqualTo(1);
        await Assert.That(run.Error).Contains("generate, chat");
        await Assert.That(run.Error).DoesNotContain("Usage:");
    }

    [Test]
    public async Task MistypedOption_OneLineSuggestingTheOption()
    {
        CliRun run = await Tool.RunAsync(["generate", "x", "--detials"]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
        await Assert.That(run.Error.TrimEnd()).IsEqualTo("error: tgi generate has no option '--detials'. Did you mean '--details'? See 'tgi generate --help'.");
    }

    [Test]
    [Arguments("generate", "--max-new-tokens", "abc")]
    [Arguments("generate", "--top-k", "few")]
    [Arguments("chat", "--max-tokens", "1.5")]
    [Arguments("bench", "--concurrency", "lots")]
    [Arguments("bench", "--requests", "ten")]
    [Arguments("emulator", "--port", "http")]
    [Arguments("emulator", "--time-to-first-token", "1s")]
    public async Task NotAWholeNumber_SaysSoInPlainWords(string command, string option, string value)
    {
        string[] args = command is "generate" ? [command, "x", option, value] : [command, option, value];

        CliRun run = await Tool.RunAsync(args);

        await Assert.That(run.ExitCode).IsEqualTo(2);
        await Assert.That(run.Error).Contains($"{option} must be a whole number (got '{value}').");
        await Assert.That(run.Error).DoesNotContain("System.");
        await Assert.That(run.Error).DoesNotContain("Usage:");
        await Assert.That(Lines(run.Error)).Count().IsEqualTo(1);
    }

    [Test]
    [Arguments("generate", "--temperature", "warm")]
    [Arguments("generate", "--top-p", "most")]
    [Arguments("emulator", "--tokens-per-second", "fast")]
    [Arguments("demo", "--tokens-per-second", "fast")]
    public async Task NotANumber_SaysSoInPlainWords(string command, string option, string value)
    {
        string[] args = command is "generate" ? [command, "x", option, value] : [command, option, value];

        CliRun run = await Tool.RunAsync(args);

        await Assert.That(run.ExitCode).IsEqualTo(2);
        await Assert.That(run.Error).Contains($"{option} must be a number (got '{value}').");
        await Assert.That(run.Error).DoesNotContain("System.");
    }

    [Test]
    public async Task Seed_Negative_SaysTheRange()
    {
        CliRun run = await Tool.RunAsync(["generate", "x", "--seed", "-1"]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
        await Assert.That(run.Error).Contains("--seed must be a whole number from 0 to 18446744073709551615 (got '-1').");
    }

    [Test]
    [Arguments("genrate", "generate")]
    [Arguments("chta", "chat")]
    [Arguments("tokenise", "tokenize")]
    [Arguments("heath", "health")]
    [Arguments("ben", "bench")]
    [Arguments("emu", "emulator")]
    public async Task Suggest_CloseWords_FindsTheCommand(string typed, string expected)
    {
        string[] commands = ["generate", "chat", "info", "models", "metrics", "tokenize", "health", "bench", "emulator", "demo"];

        await Assert.That(ParseErrorReporter.Suggest(typed, commands)).IsEqualTo(expected);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
