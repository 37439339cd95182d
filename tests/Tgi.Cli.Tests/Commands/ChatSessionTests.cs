// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Cli.Infrastructure;
using Tgi.Cli.Tests.Support;
using Tgi.Sdk.Testing;

namespace Tgi.Cli.Tests.Commands;

/// <summary>
/// The interactive <c>tgi chat</c> loop as a person drives it, through the command's own code: stdin is a feed the
/// test types into, and Ctrl+C is <see cref="Interrupts.Interrupt"/>, which the program calls from CancelKeyPress.
/// </summary>
public class ChatSessionTests
{
    [Test]
    public async Task CtrlC_DuringAnAnswer_StopsTheAnswerNotTheSession()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" tick", 1000) });
        tgi.Faults.StallAfterTokens = 3;
        var feed = new LineFeed();
        var interrupts = new Interrupts();
        Task<CliRun> running = Tool.RunAsync(["chat", "--url", tgi.BaseAddress.ToString()], feed, interrupts);

        await feed.WaitForReadAsync();
        feed.Send("tell me everything");
        await tgi.WaitForOpenConnectionsAsync(1, TimeSpan.FromMinutes(2));
        await Tool.WaitUntilAsync(() => interrupts.AnswerRunning, "the answer to start");
        bool handled = interrupts.Interrupt();

        // The loop is back at its prompt, and the stopped stream's connection is closed.
        await feed.WaitForReadAsync();
        await tgi.WaitForOpenConnectionsAsync(0, TimeSpan.FromMinutes(2));
        tgi.Faults.StallAfterTokens = null;
        feed.Send("short one");
        await feed.WaitForReadAsync();
        feed.End();
        CliRun run = await running.WaitAsync(TimeSpan.FromMinutes(2));

        await Assert.That(handled).IsTrue();
        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Error).Contains("answer stopped");
        await Assert.That(tgi.ReceivedRequests.Count).IsEqualTo(2);
        using JsonDocument second = JsonDocument.Parse(tgi.ReceivedRequests[1].Body);
        JsonElement messages = second.RootElement.GetProperty("messages");
        await Assert.That(messages.GetArrayLength()).IsEqualTo(1);
        await Assert.That(messages[0].GetProperty("content").GetString()).IsEqualTo("short one");
    }

    [Test]
    public async Task CtrlC_AtThePrompt_EndsTheSessionWith130()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        var feed = new LineFeed();
        var interrupts = new Interrupts();
        Task<CliRun> running = Tool.RunAsync(["chat", "--url", tgi.BaseAddress.ToString()], feed, interrupts);

        await feed.WaitForReadAsync();
        bool handled = interrupts.Interrupt();
        CliRun run = await running.WaitAsync(TimeSpan.FromMinutes(2));
        feed.End();

        await Assert.That(handled).IsTrue();
        await Assert.That(run.ExitCode).IsEqualTo(130);
        await Assert.That(tgi.ReceivedRequests.Count).IsEqualTo(0);

        // Once the session was told to end, a further Ctrl+C is left to the runtime (it ends the process).
        await Assert.That(interrupts.Interrupt()).IsFalse();
    }

    [Test]
    public async Task CtrlC_TwiceFirstDuringAnswerThenAtPrompt_EndsWith130()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" tick", 1000) });
        tgi.Faults.StallAfterTokens = 2;
        var feed = new LineFeed();
        var interrupts = new Interrupts();
        Task<CliRun> running = Tool.RunAsync(["chat", "--url", tgi.BaseAddress.ToString()], feed, interrupts);

        await feed.WaitForReadAsync();
        feed.Send("go on forever");
        // The answer counts as running before its request reaches the server: wait for the server to hold it.
        await Tool.WaitUntilAsync(() => interrupts.AnswerRunning && tgi.ReceivedRequests.Count == 1, "the server to receive the question");
        interrupts.Interrupt();
        await feed.WaitForReadAsync();
        interrupts.Interrupt();
        CliRun run = await running.WaitAsync(TimeSpan.FromMinutes(2));
        feed.End();

        await Assert.That(run.ExitCode).IsEqualTo(130);
        await Assert.That(tgi.ReceivedRequests.Count).IsEqualTo(1);
    }

    [Test]
    public async Task Help_IsACommand_NotSentToTheModel()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        CliRun run = await Tool.RunAsync(["chat", "--url", tgi.BaseAddress.ToString()], input: "/help\n/nope\n");

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(tgi.ReceivedRequests.Count).IsEqualTo(0);
        await Assert.That(run.Out).Contains("/reset");
        await Assert.That(run.Out).Contains("/exit");
        await Assert.That(run.Out).Contains("Ctrl+C");
        await Assert.That(run.Error).Contains("unknown command '/nope'");
    }

    [Test]
    public async Task CtrlD_AtThePrompt_EndsOnANewLine()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        var feed = new LineFeed();
        Task<CliRun> running = Tool.RunAsync(["chat", "--url", tgi.BaseAddress.ToString()], feed, new Interrupts(), terminal: true);

        await feed.WaitForReadAsync();
        feed.End();
        CliRun run = await running.WaitAsync(TimeSpan.FromMinutes(2));

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).EndsWith("> " + Environment.NewLine);
    }

    [Test]
    public async Task EchoedKey_NeverReachesTheLoopsOutput()
    {
        const string Key = "sk-chat-echo-5f1d2c";
        await using var gateway = new KeyEchoServer();

        CliRun run = await Tool.RunAsync(["chat", "--url", gateway.BaseAddress.ToString()], environment: new Dictionary<string, string> { ["TGI_API_KEY"] = Key }, input: "hello\n");

        await Assert.That(gateway.Requests).IsGreaterThanOrEqualTo(1);
        await Assert.That(run.ExitCode).IsEqualTo(1);
        await Assert.That(run.Error).Contains("invalid credentials: Bearer [REDACTED] was refused");
        await Assert.That(run.All).DoesNotContain(Key);
    }
}
