// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Telemetry;
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
        // Only reads what the sample's registration records: without its AddSource there is no SDK span to export.
        List<Activity> exported = [];
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported));
        await using ServiceProvider provider = services.BuildServiceProvider();
        TracerProvider tracer = provider.GetRequiredService<TracerProvider>();   // starts listening, as a host does

        await new TgiClient(tgi.BaseAddress).GenerateAsync("Hi", new GenerateOptions { MaxNewTokens = 4 });
        tracer.ForceFlush();

        string traceparent = tgi.ReceivedRequests.Single().Headers["traceparent"];
        await Assert.That(traceparent).Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$");
        Activity sdkSpan;
        lock (exported)
        {
            sdkSpan = exported.Single(a => a.Source.Name == TgiTelemetry.ActivitySourceName && Equals(a.GetTagItem("server.port"), tgi.BaseAddress.Port));
        }

        // The trace TGI received is the SDK call's own trace.
        await Assert.That(traceparent.Split('-')[1]).IsEqualTo(sdkSpan.TraceId.ToHexString());
    }
}
