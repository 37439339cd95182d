// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Generate;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Tests.Hardening;

/// <summary>Issue 12 §4: a client built from TGI_BASE_URL and TGI_API_KEY, as the CLI is.</summary>
/// <remarks>An environment lookup is passed in: setting the process's variables would reach the live tests.</remarks>
public class FromEnvironmentTests
{
    [Test]
    public async Task FromEnvironment_UrlAndKey_ReachTheServerWithTheKey()
    {
        await using TgiEmulator emulator = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ApiKey = "sk-env-key", Generator = TgiGenerator.Scripted("ok") });
        Dictionary<string, string> environment = new()
        {
            ["TGI_BASE_URL"] = emulator.BaseAddress.AbsoluteUri,
            ["TGI_API_KEY"] = "sk-env-key",
        };

        TgiClient client = TgiClient.FromEnvironment(null, null, name => environment.GetValueOrDefault(name));
        TgiResult<GenerateResponse> result = await client.GenerateAsync("Hi");

        await Assert.That(client.Endpoint).IsEqualTo(emulator.BaseAddress);
        await Assert.That(result.Value.GeneratedText).IsEqualTo("ok");
    }

    [Test]
    public async Task FromEnvironment_NothingSet_UsesLocalhost8080()
    {
        TgiClient client = TgiClient.FromEnvironment(null, null, _ => null);

        await Assert.That(client.Endpoint).IsEqualTo(new Uri("http://localhost:8080/"));
        await Assert.That(TgiClient.DefaultEndpoint).IsEqualTo(new Uri("http://localhost:8080/"));
    }

    [Test]
    public async Task FromEnvironment_OptionsWinOverTheEnvironment()
    {
        await using TgiEmulator emulator = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ApiKey = "sk-options-key", Generator = TgiGenerator.Scripted("ok") });
        Dictionary<string, string> environment = new()
        {
            ["TGI_BASE_URL"] = "http://127.0.0.1:9/",
            ["TGI_API_KEY"] = "sk-wrong-key",
        };

        TgiClient client = TgiClient.FromEnvironment(
            new TgiClientOptions { Endpoint = emulator.BaseAddress, ApiKey = "sk-options-key" },
            null,
            name => environment.GetValueOrDefault(name));
        TgiResult<GenerateResponse> result = await client.GenerateAsync("Hi");

        await Assert.That(result.Value.GeneratedText).IsEqualTo("ok");
    }

    [Test]
    public async Task FromEnvironment_BadUrl_ThrowsNamingTheVariable()
    {
        ArgumentException? ex = await Assert.That(() => TgiClient.FromEnvironment(null, null, name => name == "TGI_BASE_URL" ? "localhost:8080" : null)).Throws<ArgumentException>();

        await Assert.That(ex!.Message).Contains("TGI_BASE_URL");
    }

    [Test]
    public async Task FromEnvironment_ProcessEnvironment_BuildsAClient()
    {
        // The public overload reads the process's variables; whatever they hold here, it builds an http(s) client.
        TgiClient client = TgiClient.FromEnvironment();

        await Assert.That(client.Endpoint.Scheme).StartsWith("http");
    }
}
