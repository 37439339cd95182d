// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Introspection;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Tests.Emulator;

public class IntrospectionLoopbackTests
{
    [Test]
    public async Task GetHealthAsync_HealthyThenUnhealthy_ReportsState()
    {
        await using Loopback tgi = await Loopback.StartAsync();

        TgiHealthStatus before = (await tgi.Client.GetHealthAsync()).Value;
        tgi.Emulator.IsHealthy = false;
        TgiHealthStatus after = (await tgi.Client.GetHealthAsync()).Value;

        await Assert.That(before).IsEqualTo(TgiHealthStatus.Healthy);
        await Assert.That(after).IsEqualTo(TgiHealthStatus.Unhealthy);
    }

    [Test]
    [Arguments(TgiWireVersion.V2_0)]
    [Arguments(TgiWireVersion.V2_4)]
    [Arguments(TgiWireVersion.V3_3)]
    public async Task GetInfoAsync_EveryWireVersion_ReportsModelAndLimits(TgiWireVersion version)
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = version, ModelId = "org/model", MaxTotalTokens = 2048, MaxInputTokens = 2047 });

        TgiInfo info = (await tgi.Client.GetInfoAsync()).Value;

        await Assert.That(info.ModelId).IsEqualTo("org/model");
        await Assert.That(info.MaxTotalTokens).IsEqualTo(2048);
        await Assert.That(info.MaxInputTokens).IsEqualTo(2047);
        await Assert.That(info.MaxBestOf).IsEqualTo(2);
    }

    [Test]
    public async Task ListModelsAsync_ReturnsServedModel()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { ModelId = "org/model" });

        IReadOnlyList<TgiModelInfo> models = (await tgi.Client.ListModelsAsync()).Value;

        await Assert.That(models.Single().Id).IsEqualTo("org/model");
    }

    [Test]
    public async Task TokenizeAsync_OffsetsCoverInput()
    {
        await using Loopback tgi = await Loopback.StartAsync();

        IReadOnlyList<TokenizedToken> tokens = (await tgi.Client.TokenizeAsync("Hello world")).Value;

        await Assert.That(tokens.Count).IsGreaterThan(1);
        await Assert.That(tokens[^1].Stop).IsEqualTo(11);
    }

    [Test]
    public async Task ChatTokenizeAsync_ReturnsTemplatedText()
    {
        await using Loopback tgi = await Loopback.StartAsync();

        ChatTokenizeResult result = (await tgi.Client.ChatTokenizeAsync([ChatMessage.CreateUser("Hello")])).Value;

        await Assert.That(result.TemplatedText).Contains("Hello");
        await Assert.That(result.Tokens.Count).IsGreaterThan(0);
    }

    [Test]
    public async Task GetMetricsAsync_AfterARequest_HasSamples()
    {
        await using Loopback tgi = await Loopback.StartAsync();
        await tgi.Client.GenerateAsync("Hi", new Tgi.Sdk.Generate.GenerateOptions { MaxNewTokens = 2 });

        IReadOnlyList<TgiMetric> metrics = (await tgi.Client.GetMetricsAsync()).Value;

        await Assert.That(metrics.Count).IsGreaterThan(0);
        await Assert.That(metrics.Any(m => m.Name.StartsWith("tgi_", StringComparison.Ordinal))).IsTrue();
    }
}
