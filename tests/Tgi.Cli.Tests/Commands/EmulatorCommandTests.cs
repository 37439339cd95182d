// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli.Commands;
using Tgi.Cli.Tests.Support;
using Tgi.Sdk;
using Tgi.Sdk.Introspection;
using Tgi.Sdk.Testing;

namespace Tgi.Cli.Tests.Commands;

public class EmulatorCommandTests
{
    [Test]
    public async Task RunAsync_ServesTgiUntilCancelled_ThenStopsWithExitZero()
    {
        using var cts = new CancellationTokenSource();
        var output = new StringWriter();
        var started = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var settings = new EmulatorSettings { Port = 0, ModelId = "standalone/model", WireVersion = TgiWireVersion.V2_4 };

        Task<int> running = EmulatorCommand.RunAsync(settings, output, e => started.SetResult(e.BaseAddress), cts.Token);
        Uri address = await started.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var client = new TgiClient(address);
        TgiHealthStatus health = (await client.GetHealthAsync()).Value;
        TgiInfo info = (await client.GetInfoAsync()).Value;
        await cts.CancelAsync();
        int exitCode = await running;

        await Assert.That(health).IsEqualTo(TgiHealthStatus.Healthy);
        await Assert.That(info.ModelId).IsEqualTo("standalone/model");
        await Assert.That(info.Version).IsEqualTo("2.4.1");
        await Assert.That(exitCode).IsEqualTo(0);
        await Assert.That(output.ToString()).Contains("listening on http://127.0.0.1:");
        await Assert.That(output.ToString()).Contains("not a real model");
        await Assert.That(output.ToString()).Contains("stopped");
    }

    [Test]
    public async Task Emulator_ViaParserOnAPort_AnswersHttpAndKeepsTheKeySecret()
    {
        int port = Tool.ClosedPort();
        const string Key = "emulator-secret-5521";
        using var cts = new CancellationTokenSource();

        Task<CliRun> running = Tool.RunAsync(
            ["emulator", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--api-key", Key, "--unhealthy"],
            cancellationToken: cts.Token);
        var withKey = new TgiClient(new Uri($"http://127.0.0.1:{port}/"), new TgiClientOptions { ApiKey = Key });
        TgiHealthStatus health = await WaitForServerAsync(withKey);
        string generated = (await withKey.GenerateAsync("hi")).Value.GeneratedText;
        TgiException? rejected = null;
        try
        {
            await new TgiClient(new Uri($"http://127.0.0.1:{port}/")).GenerateAsync("hi");
        }
        catch (TgiException e)
        {
            rejected = e;
        }

        await cts.CancelAsync();
        CliRun run = await running;

        await Assert.That(health).IsEqualTo(TgiHealthStatus.Unhealthy);
        await Assert.That(generated.Length).IsGreaterThan(0);
        await Assert.That(rejected?.Status).IsEqualTo(401);
        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).Contains("api key required");
        await Assert.That(run.All).DoesNotContain(Key);
    }

    [Test]
    public async Task RunAsync_AnswerTokens_AnswersEveryRequestWithThatManyTokens()
    {
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);

        Task<int> running = EmulatorCommand.RunAsync(new EmulatorSettings { Port = 0, AnswerTokens = 3 }, new StringWriter(), e => started.SetResult(e.BaseAddress), cts.Token);
        Uri address = await started.Task.WaitAsync(TimeSpan.FromMinutes(2));
        string text = (await new TgiClient(address).GenerateAsync("anything")).Value.GeneratedText;
        await cts.CancelAsync();
        await running;

        await Assert.That(text).IsEqualTo(" token token token");
    }

    [Test]
    public async Task Emulator_BadWireVersion_ExitsTwo()
    {
        CliRun run = await Tool.RunAsync(["emulator", "--wire-version", "9.9"]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
    }

    [Test]
    public async Task Emulator_PortInUse_ExitsTwo()
    {
        await using TgiEmulator busy = await TgiEmulator.StartAsync();

        CliRun run = await Tool.RunAsync(["emulator", "--port", busy.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
        await Assert.That(run.Error).Contains("cannot listen");
    }

    private static async Task<TgiHealthStatus> WaitForServerAsync(TgiClient client)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return (await client.GetHealthAsync()).Value;
            }
            catch (TgiException) when (attempt < 4800)
            {
                // Up to about two minutes: the emulator starting on a loaded machine is not what is tested.
                await Task.Delay(25);
            }
        }
    }
}
