// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using System.Diagnostics.Metrics;
using Tgi.Sdk;
using Tgi.Sdk.Chat;

namespace Tgi.AotSmoke;

/// <summary>
/// Telemetry under Native AOT: the runtime's own listeners (what the OpenTelemetry SDK builds on) receive the
/// chat span and the GenAI metrics of a stream.
/// </summary>
internal static class TelemetryChecks
{
    public static async Task RunAsync(SmokeChecks checks, TgiClient client)
    {
        List<Activity> spans = [];
        using ActivityListener tracing = new()
        {
            ShouldListenTo = source => source.Name == TgiTelemetry.ActivitySourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(tracing);

        List<string> instruments = [];
        using MeterListener metrics = new()
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == TgiTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        metrics.SetMeasurementEventCallback<double>((instrument, _, _, _) => instruments.Add(instrument.Name));
        metrics.SetMeasurementEventCallback<long>((instrument, _, _, _) => instruments.Add(instrument.Name));
        metrics.Start();

        await foreach (ChatCompletionUpdate update in client.ChatStreamingAsync([ChatMessage.CreateUser("Say something")], new ChatCompletionOptions { Model = "tgi", IncludeUsage = true }))
        {
            _ = update.ContentDelta;
        }

        Activity? span = spans.Count == 1 ? spans[0] : null;
        checks.Equal("telemetry span name", "chat tgi", span?.DisplayName);
        checks.Equal("telemetry span finish reasons", "stop", (span?.GetTagItem("gen_ai.response.finish_reasons") as string[])?.SingleOrDefault());
        checks.True("telemetry span output tokens", span?.GetTagItem("gen_ai.usage.output_tokens") is int n && n > 0);
        checks.True("telemetry time to first chunk", instruments.Contains("gen_ai.client.operation.time_to_first_chunk"));
        checks.True("telemetry duration and token usage", instruments.Contains("gen_ai.client.operation.duration") && instruments.Contains("gen_ai.client.token.usage"));
    }
}
