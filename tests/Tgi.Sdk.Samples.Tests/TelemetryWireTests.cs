// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.DependencyInjection;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Samples.Tests;

/// <summary>docs/usage/telemetry.md: with the sample's OpenTelemetry registration, a call carries its trace to TGI.</summary>
[NotInParallel("samples-console")]
public sealed class TelemetryWireTests
{
    [Test]
    public async Task WithTheSamplesRegistration_ACallSendsItsTraceparent()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        ServiceCollection services = new();
        TelemetrySample.AddTgiTelemetry(services);
        await using ServiceProvider provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<OpenTelemetry.Trace.TracerProvider>();   // starts listening, as a host does

        await new TgiClient(tgi.BaseAddress).GenerateAsync("Hi", new GenerateOptions { MaxNewTokens = 4 });

        string traceparent = tgi.ReceivedRequests.Single().Headers["traceparent"];
        await Assert.That(traceparent).Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$");
    }
}
