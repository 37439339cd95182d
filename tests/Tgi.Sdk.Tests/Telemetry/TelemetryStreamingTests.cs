// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Completions;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Testing;
using Tgi.Sdk.Tests.Emulator;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Telemetry;

/// <summary>Streams as OpenTelemetry sees them: one span from the request to the end of the stream.</summary>
public class TelemetryStreamingTests
{
    private static readonly ChatMessage[] s_hi = [ChatMessage.CreateUser("Say OK")];

    [Test]
    public async Task ChatStreamingAsync_SpanCoversTheStream_WithUsageFinishReasonAndTimeToFirstChunk()
    {
        using TelemetryCapture capture = new();
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("O", "K") });

        List<ChatCompletionUpdate> updates = await Expect.ToListAsync(
            tgi.Client.ChatStreamingAsync(s_hi, new ChatCompletionOptions { Model = "tgi", IncludeUsage = true }));

        TokenUsage usage = updates.Select(u => u.Usage).OfType<TokenUsage>().Single();
        Activity span = capture.SpansFor(tgi.Emulator.BaseAddress).Single();
        Activity http = capture.HttpSpansFor(tgi.Emulator.BaseAddress).Single();
        await Assert.That(span.DisplayName).IsEqualTo("chat tgi");
        await Assert.That(http.ParentSpanId).IsEqualTo(span.SpanId);
        await Assert.That(span.Duration).IsGreaterThanOrEqualTo(http.Duration);
        await Assert.That((string[]?)span.GetTagItem("gen_ai.response.finish_reasons")).IsEquivalentTo(["stop"]);
        await Assert.That(span.GetTagItem("gen_ai.usage.input_tokens")).IsEqualTo(usage.PromptTokens);
        await Assert.That(span.GetTagItem("gen_ai.usage.output_tokens")).IsEqualTo(usage.CompletionTokens);
        await Assert.That(span.GetTagItem("gen_ai.response.model")).IsEqualTo(updates[0].Model);
        var firstChunk = capture.PointsFor("gen_ai.client.operation.time_to_first_chunk", tgi.Emulator.BaseAddress).Single();
        var duration = capture.PointsFor("gen_ai.client.operation.duration", tgi.Emulator.BaseAddress).Single();
        await Assert.That(firstChunk.Count).IsEqualTo(1L);
        await Assert.That(firstChunk.Sum).IsGreaterThan(0d);
        await Assert.That(duration.Sum).IsGreaterThanOrEqualTo(firstChunk.Sum);
    }

    [Test]
    public async Task GenerateStreamingAsync_WithoutDetails_CountsOutputTokensFromTheEvents()
    {
        using TelemetryCapture capture = new();
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted(" a", " b", " c") });

        List<GenerateStreamUpdate> updates = await Expect.ToListAsync(tgi.Client.GenerateStreamingAsync("Hi"));

        Activity span = capture.SpansFor(tgi.Emulator.BaseAddress).Single();
        await Assert.That(span.GetTagItem("gen_ai.usage.output_tokens")).IsEqualTo(updates.Count);
        await Assert.That(span.Status).IsEqualTo(ActivityStatusCode.Unset);
    }

    [Test]
    public async Task GenerateStreamingRawAsync_WithDetails_RecordsTheFinishReason()
    {
        using TelemetryCapture capture = new();
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted(" a", " b") });

        string? finish = null;
        await foreach (GenerateStreamRawUpdate update in tgi.Client.GenerateStreamingRawAsync("Hi", new GenerateOptions { Details = true }))
        {
            finish ??= update.Details?.FinishReason.ToString();
        }

        Activity span = capture.SpansFor(tgi.Emulator.BaseAddress).Single();
        await Assert.That((string[]?)span.GetTagItem("gen_ai.response.finish_reasons")).IsEquivalentTo([finish!]);
    }

    [Test]
    public async Task ChatStreamingAsync_BreakOutOfTheLoop_EndsTheSpanWithoutAnError()
    {
        using TelemetryCapture capture = new();
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" x", 1000) });

        await foreach (ChatCompletionUpdate update in tgi.Client.ChatStreamingAsync(s_hi))
        {
            break;
        }

        Activity span = capture.SpansFor(tgi.Emulator.BaseAddress).Single();
        await Assert.That(span.Status).IsEqualTo(ActivityStatusCode.Unset);
        await Assert.That(span.GetTagItem("gen_ai.response.finish_reasons")).IsNull();
    }

    [Test]
    public async Task GenerateStreamingAsync_InBandGenerationError_MarksTheSpan()
    {
        using TelemetryCapture capture = new();
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" x", 20) });
        tgi.Emulator.Faults.GenerationErrorAfterTokens = 2;

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(tgi.Client.GenerateStreamingAsync("Hi")));

        Activity span = capture.SpansFor(tgi.Emulator.BaseAddress).Single();
        await Assert.That(span.Status).IsEqualTo(ActivityStatusCode.Error);
        await Assert.That(span.GetTagItem("error.type")).IsEqualTo(ex.ErrorType!.Value.ToString());
        var duration = capture.PointsFor("gen_ai.client.operation.duration", tgi.Emulator.BaseAddress).Single();
        await Assert.That(duration.Tags["error.type"]).IsEqualTo(ex.ErrorType!.Value.ToString());
    }

    [Test]
    public async Task CompletionsStreamingAsync_Batch_SumsEachPromptsUsage()
    {
        using TelemetryCapture capture = new();
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("x", "y") });

        List<CompletionUpdate> updates = await Expect.ToListAsync(tgi.Client.CompletionsStreamingAsync(["a", "bb"], new CompletionOptions { MaxTokens = 2 }));

        List<TokenUsage> usages = [.. updates.Select(u => u.Usage).OfType<TokenUsage>()];
        Activity span = capture.SpansFor(tgi.Emulator.BaseAddress).Single();
        await Assert.That(usages.Count).IsEqualTo(2);
        await Assert.That(span.GetTagItem("gen_ai.usage.input_tokens")).IsEqualTo(usages.Sum(u => u.PromptTokens));
        await Assert.That(span.GetTagItem("gen_ai.usage.output_tokens")).IsEqualTo(usages.Sum(u => u.CompletionTokens));
        await Assert.That(((string[]?)span.GetTagItem("gen_ai.response.finish_reasons"))!.Length).IsEqualTo(2);
    }
}
