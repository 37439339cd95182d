// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Samples.Tests;

/// <summary>Runs every sample the documentation quotes against the emulator on loopback: the quoted code works.</summary>
[NotInParallel("samples-console")]
public sealed class SampleRunTests
{
    [Test]
    public async Task QuickStart_StreamsBothApis_AndCatchesTheValidationError()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        await QuickStart.RunAsync(tgi.BaseAddress);

        string[] paths = [.. tgi.ReceivedRequests.Select(request => request.Path)];
        await Assert.That(paths).IsEquivalentTo(["/generate_stream", "/v1/chat/completions", "/generate"]);
    }

    [Test]
    public async Task ToolLoop_EndsWithAnAnswer()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        string? answer = await ToolsAndStructuredOutput.RunToolLoopAsync(new TgiClient(tgi.BaseAddress));

        await Assert.That(answer).IsNotEmpty();
        string[] chatCalls = [.. tgi.ReceivedRequests.Where(request => request.Path == "/v1/chat/completions").Select(request => request.Body)];
        await Assert.That(chatCalls.Length).IsEqualTo(2);
        await Assert.That(chatCalls[1]).Contains("\"role\":\"tool\"");
    }

    [Test]
    public async Task StructuredOutput_GivesTheTypedValue()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        CityFacts facts = await ToolsAndStructuredOutput.RunStructuredOutputAsync(new TgiClient(tgi.BaseAddress));

        await Assert.That(facts.City).IsNotNull();
        await Assert.That(tgi.ReceivedRequests.Single().Body).Contains("\"response_format\"");
    }

    [Test]
    public async Task Provider_FromTheQuotedAppSettings_AnswersFromAReplica()
    {
        await using TgiEmulator first = await TgiEmulator.StartAsync();
        await using TgiEmulator second = await TgiEmulator.StartAsync();
        // The quoted appsettings.json, with its two replicas pointed at the emulators (a later source wins).
        IConfiguration configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Tgi:Endpoints:0:Url"] = first.BaseAddress.ToString(),
                ["Tgi:Endpoints:1:Url"] = second.BaseAddress.ToString(),
                ["Tgi:Models:0"] = first.Options.ModelId,
            })
            .Build();

        string text = await ProviderSample.RunAsync(configuration);

        await Assert.That(text).IsNotEmpty();
        int served = first.ReceivedRequests.Count(request => request.Path == "/generate")
            + second.ReceivedRequests.Count(request => request.Path == "/generate");
        await Assert.That(served).IsEqualTo(1);
    }

    [Test]
    public async Task ChatClient_AnswersAndStreams()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        string text = await ChatClientSample.RunAsync(new TgiClient(tgi.BaseAddress));

        await Assert.That(text).IsNotEmpty();
        await Assert.That(tgi.ReceivedRequests.Count(request => request.Path == "/v1/chat/completions")).IsEqualTo(2);
    }

    [Test]
    public async Task Telemetry_RegistersTheTracerAndMeterProviders()
    {
        ServiceCollection services = new();

        TelemetrySample.AddTgiTelemetry(services);
        await using ServiceProvider provider = services.BuildServiceProvider();

        await Assert.That(provider.GetService<OpenTelemetry.Trace.TracerProvider>()).IsNotNull();
        await Assert.That(provider.GetService<OpenTelemetry.Metrics.MeterProvider>()).IsNotNull();
    }

    [Test]
    public async Task Introspection_ReadsHealthAndLimits()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        int maxInputTokens = await IntrospectionSample.RunAsync(new TgiClient(tgi.BaseAddress));

        await Assert.That(maxInputTokens).IsGreaterThan(0);
    }

    [Test]
    public async Task Emulator_AnswersAGenerate()
    {
        string text = await EmulatorSample.RunAsync();

        await Assert.That(text).IsNotEmpty();
    }

    [Test]
    public async Task EmulatorStart_AnswersHealth()
    {
        using HttpResponseMessage response = await EmulatorScripting.StartAsync();

        await Assert.That((int)response.StatusCode).IsEqualTo(200);
    }

    [Test]
    [Arguments(false, false, "Hello world")]
    [Arguments(false, true, "Sunny.")]
    public async Task EmulatorScript_AnswersWithTheScriptedTokens(bool longStreams, bool toolAware, string expected)
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(EmulatorScripting.ScriptedOptions(longStreams, toolAware));

        TgiResult<Tgi.Sdk.Generate.GenerateResponse> answer = await new TgiClient(tgi.BaseAddress).GenerateAsync("Hi");

        await Assert.That(answer.Value.GeneratedText).IsEqualTo(expected);
    }
}
