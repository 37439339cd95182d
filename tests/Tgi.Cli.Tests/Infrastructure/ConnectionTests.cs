// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli.Tests.Support;
using Tgi.Sdk.Testing;

namespace Tgi.Cli.Tests.Infrastructure;

public class ConnectionTests
{
    private const string Key = "sk-test-3f9a1c7e";

    [Test]
    public async Task Url_FromEnvironment_IsUsedWhenNoOption()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ModelId = "env/model" });
        var environment = new Dictionary<string, string> { ["TGI_BASE_URL"] = tgi.BaseAddress.ToString() };

        CliRun run = await Tool.RunAsync(["info"], environment);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.Out).Contains("env/model");
    }

    [Test]
    public async Task Url_Option_OverridesEnvironment()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        var environment = new Dictionary<string, string> { ["TGI_BASE_URL"] = $"http://127.0.0.1:{Tool.ClosedPort()}" };

        CliRun run = await Tool.RunAsync(["health", "--url", tgi.BaseAddress.ToString()], environment);

        await Assert.That(run.ExitCode).IsEqualTo(0);
    }

    [Test]
    public async Task Url_NoOptionNoEnvironment_DefaultsToLocalhost8080()
    {
        Tgi.Cli.Infrastructure.Connection connection = Tgi.Cli.Infrastructure.Connection.Resolve(null, null, _ => null);

        await Assert.That(connection.Endpoint.ToString()).IsEqualTo("http://localhost:8080/");
        await Assert.That(connection.ApiKey).IsNull();
    }

    [Test]
    public async Task Url_NotHttp_ExitsTwo()
    {
        CliRun run = await Tool.RunAsync(["health", "--url", "ftp://example"]);

        await Assert.That(run.ExitCode).IsEqualTo(2);
        await Assert.That(run.Error).Contains("not an http");
    }

    [Test]
    public async Task ApiKey_FromEnvironment_IsSentAsBearerAndNeverPrinted()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ApiKey = Key });
        var environment = new Dictionary<string, string> { ["TGI_API_KEY"] = Key };

        CliRun run = await Tool.RunAsync(["generate", "x", "--details", "--url", tgi.BaseAddress.ToString()], environment);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(tgi.ReceivedRequests[0].Headers["authorization"]).IsEqualTo($"Bearer {Key}");
        await Assert.That(run.All).DoesNotContain(Key);
    }

    [Test]
    public async Task ApiKey_Option_OverridesEnvironment()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ApiKey = Key });
        var environment = new Dictionary<string, string> { ["TGI_API_KEY"] = "wrong-key-from-env" };

        CliRun run = await Tool.RunAsync(["chat", "hi", "--api-key", Key, "--url", tgi.BaseAddress.ToString()], environment);

        await Assert.That(run.ExitCode).IsEqualTo(0);
        await Assert.That(run.All).DoesNotContain(Key);
    }

    [Test]
    public async Task ApiKey_Missing_Prints401HintAndExitsOne()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ApiKey = Key });

        CliRun run = await Tool.RunAsync(["generate", "x", "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(1);
        await Assert.That(run.Error).Contains("--api-key");
        await Assert.That(run.All).DoesNotContain(Key);
    }

    [Test]
    public async Task ApiKey_WrongKey_ErrorDoesNotPrintIt()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ApiKey = Key });
        const string Wrong = "sk-wrong-77c1d2";

        CliRun run = await Tool.RunAsync(["bench", "--requests", "2", "--concurrency", "1", "--api-key", Wrong, "--url", tgi.BaseAddress.ToString()]);

        await Assert.That(run.ExitCode).IsEqualTo(1);
        await Assert.That(run.All).DoesNotContain(Wrong);
    }

    [Test]
    public async Task Redact_TextWithSecret_ReplacesEveryOccurrence()
    {
        string redacted = Tgi.Cli.Infrastructure.CommandRunner.Redact($"a {Key} b {Key}", Key);

        await Assert.That(redacted).IsEqualTo("a [REDACTED] b [REDACTED]");
    }
}
