// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli.Tests.Support;
using Tgi.Sdk.Testing;

namespace Tgi.Cli.Tests.Commands;

/// <summary>Values TGI would reject with a 422 are refused before anything is sent: exit 2, naming the option.</summary>
public class ClientValidationTests
{
    private const string WeatherTools = """
        [{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}]
        """;

    [Test]
    [Arguments("generate x -n -5", "--max-new-tokens must be at least 1 (got -5).")]
    [Arguments("generate x --max-new-tokens 0", "--max-new-tokens must be at least 1 (got 0).")]
    [Arguments("generate x --temperature 0", "--temperature must be greater than 0 (got 0).")]
    [Arguments("generate x --temperature -1", "--temperature must be greater than 0 (got -1).")]
    [Arguments("generate x --top-p 1", "--top-p must be greater than 0 and less than 1 (got 1).")]
    [Arguments("generate x --top-p 0", "--top-p must be greater than 0 and less than 1 (got 0).")]
    [Arguments("generate x --top-k 0", "--top-k must be at least 1 (got 0).")]
    [Arguments("chat Hello -n -5", "--max-tokens must be at least 1 (got -5).")]
    [Arguments("chat Hello --temperature -0.5", "--temperature must be 0 or more (got -0.5).")]
    [Arguments("chat Hello --tool-choice maybe", "--tool-choice must be auto, required, none or the name of a tool (--tools gives none); got 'maybe'.")]
    [Arguments("bench -n 0", "--max-new-tokens must be at least 1 (got 0).")]
    [Arguments("bench -c -2", "--concurrency must be at least 1 (got -2).")]
    [Arguments("bench -r 0", "--requests must be at least 1 (got 0).")]
    public async Task ValueTheServerWouldReject_IsRefusedBeforeSending(string commandLine, string message)
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        CliRun run = await Tool.RunAsync([.. commandLine.Split(' '), "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
        await Assert.That(run.Error).Contains(message);
        await Assert.That(tgi.ReceivedRequests.Count).IsEqualTo(0);
    }

    [Test]
    public async Task ToolChoice_NotOneOfTheTools_IsRefusedNamingTheTools()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        string tools = Tool.TempFile(WeatherTools);

        CliRun run = await Tool.RunAsync(["chat", "Hello", "--tools", tools, "--tool-choice", "maybe", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
        await Assert.That(run.Error).Contains("--tool-choice must be auto, required, none or the name of a tool (--tools gives 'get_weather'); got 'maybe'.");
        await Assert.That(tgi.ReceivedRequests.Count).IsEqualTo(0);
    }

    [Test]
    public async Task ToolChoice_OneOfTheTools_IsSent()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        string tools = Tool.TempFile(WeatherTools);

        CliRun run = await Tool.RunAsync(["chat", "Weather?", "--tools", tools, "--tool-choice", "get_weather", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).Contains("tool call: get_weather");
    }

    [Test]
    [Arguments("generate x --temperature 0.7 --top-p 0.9 --top-k 5 -n 4")]
    [Arguments("chat Hello --temperature 0 -n 4")]
    public async Task ValuesInRange_AreSent(string commandLine)
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        CliRun run = await Tool.RunAsync([.. commandLine.Split(' '), "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(tgi.ReceivedRequests.Count).IsEqualTo(1);
    }

    [Test]
    public async Task TooManyStopSequences_IsLeftToTheServer_WhichAnswers422()
    {
        // The stop-sequence limit is a server setting the CLI cannot know: TGI's 422 exits 1 with its error.
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        CliRun run = await Tool.RunAsync(["generate", "x", "--stop", "a", "--stop", "b", "--stop", "c", "--stop", "d", "--stop", "e", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(1);
        await Assert.That(run.Error).Contains("error: validation:");
        await Assert.That(run.Error).Contains("stop sequences");
    }
}
