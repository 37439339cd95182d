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

/// <summary>What an app's OpenTelemetry SDK receives from TgiClient, over loopback to the emulator.</summary>
public class TelemetryLoopbackTests
{
    private static readonly ChatMessage[] s_hi = [ChatMessage.CreateUser("Say OK")];

    [Test]
    public async Task ChatAsync_IsOneClientSpan_WithGenAiRequestAndResponseAttributes()
    {
        using TelemetryCapture capture = new();
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("O", "K") });
        ChatCompletionOptions options = new() { Model = "tgi", MaxTokens = 5, Temperature = 0.5f, Seed = 7 };
        options.StopSequences.Add("END");

        ChatCompletion completion = await tgi.Client.ChatAsync(s_hi, options);

        Activity span = capture.SpansFor(tgi.Emulator.BaseAddress).Single();
        await Assert.That(span.DisplayName).IsEqualTo("chat tgi");
        await Assert.That(span.Kind).IsEqualTo(ActivityKind.Client);
        await Assert.That(span.Status).IsEqualTo(ActivityStatusCode.Unset);
        await Assert.That(span.GetTagItem("gen_ai.operation.name")).IsEqualTo("chat");
        await Assert.That(span.GetTagItem("gen_ai.provider.name")).IsEqualTo("tgi");
        await Assert.That(span.GetTagItem("gen_ai.request.model")).IsEqualTo("tgi");
        await Assert.That(span.GetTagItem("gen_ai.request.max_tokens")).IsEqualTo(5);
        await Assert.That(span.GetTagItem("gen_ai.request.temperature")).IsEqualTo(0.5f);
        await Assert.That(span.GetTagItem("gen_ai.request.seed")).IsEqualTo(7L);
        await Assert.That((string[]?)span.GetTagItem("gen_ai.request.stop_sequences")).IsEquivalentTo(["END"]);
        await Assert.That(span.GetTagItem("gen_ai.response.model")).IsEqualTo(completion.Model);
        await Assert.That((string[]?)span.GetTagItem("gen_ai.response.finish_reasons")).IsEquivalentTo([completion.FinishReason!.Value.ToString()]);
        await Assert.That(span.GetTagItem("gen_ai.usage.input_tokens")).IsEqualTo(completion.Usage!.PromptTokens);
        await Assert.That(span.GetTagItem("gen_ai.usage.output_tokens")).IsEqualTo(completion.Usage!.CompletionTokens);
        await Assert.That(span.GetTagItem("server.address")).IsEqualTo("127.0.0.1");
        await Assert.That(span.GetTagItem("error.type")).IsNull();
    }

    [Test]
    public async Task GenerateAsync_HttpSpanNestsUnderTheSdkSpan_AndTgiTimingsAreAttributes()
    {
        using TelemetryCapture capture = new();
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted(" a", " b", " c") });

        TgiResult<GenerateResponse> result = await tgi.Client.GenerateAsync("Hello", new GenerateOptions { Details = true, MaxNewTokens = 3 });

        Activity span = capture.SpansFor(tgi.Emulator.BaseAddress).Single();
        Activity http = capture.HttpSpansFor(tgi.Emulator.BaseAddress).Single();
        await Assert.That(span.DisplayName).IsEqualTo("text_completion");
        await Assert.That(http.ParentSpanId).IsEqualTo(span.SpanId);
        await Assert.That(span.GetTagItem("gen_ai.usage.output_tokens")).IsEqualTo(result.Value.Details!.GeneratedTokens);
        await Assert.That(span.GetTagItem("gen_ai.usage.input_tokens")).IsEqualTo(result.GetRawResponse().PromptTokens);
        await Assert.That((string[]?)span.GetTagItem("gen_ai.response.finish_reasons")).IsEquivalentTo([result.Value.Details!.FinishReason.ToString()]);
        await Assert.That(span.GetTagItem("tgi.total_time")).IsEqualTo(result.GetRawResponse().TotalTime!.Value.TotalSeconds);
        await Assert.That(span.GetTagItem("tgi.queue_time")).IsEqualTo(result.GetRawResponse().QueueTime!.Value.TotalSeconds);
    }

    [Test]
    public async Task CompletionsAsync_Batch_RecordsEveryPromptsFinishReason()
    {
        using TelemetryCapture capture = new();
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("x") });

        Completion completion = await tgi.Client.CompletionsAsync(["a", "b"], new CompletionOptions { MaxTokens = 1 });

        Activity span = capture.SpansFor(tgi.Emulator.BaseAddress).Single();
        await Assert.That(span.GetTagItem("gen_ai.operation.name")).IsEqualTo("text_completion");
        await Assert.That(((string[]?)span.GetTagItem("gen_ai.response.finish_reasons"))!.Length).IsEqualTo(completion.Choices.Count);
        await Assert.That(span.GetTagItem("gen_ai.usage.output_tokens")).IsEqualTo(completion.Usage!.CompletionTokens);
    }

    [Test]
    public async Task ChatAsync_ServerError_MarksTheSpanAndTheDurationWithTgisErrorType()
    {
        using TelemetryCapture capture = new();
        await using Loopback tgi = await Loopback.StartAsync();
        tgi.Emulator.Faults.OverloadNextRequests = 1;

        TgiException ex = await Expect.TgiExceptionAsync(() => tgi.Client.ChatAsync(s_hi));

        Activity span = capture.SpansFor(tgi.Emulator.BaseAddress).Single();
        await Assert.That(span.Status).IsEqualTo(ActivityStatusCode.Error);
        await Assert.That(span.GetTagItem("error.type")).IsEqualTo(ex.ErrorType!.Value.ToString());
        var duration = capture.PointsFor("gen_ai.client.operation.duration", tgi.Emulator.BaseAddress).Single();
        await Assert.That(duration.Tags["error.type"]).IsEqualTo("overloaded");
        await Assert.That(capture.PointsFor("gen_ai.client.token.usage", tgi.Emulator.BaseAddress)).IsEmpty();
    }

    [Test]
    public async Task ChatAsync_Metrics_DurationAndInputOutputTokenUsage()
    {
        using TelemetryCapture capture = new();
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("O", "K") });

        ChatCompletion completion = await tgi.Client.ChatAsync(s_hi, new ChatCompletionOptions { Model = "tgi" });

        var duration = capture.PointsFor("gen_ai.client.operation.duration", tgi.Emulator.BaseAddress).Single();
        await Assert.That(duration.Count).IsEqualTo(1L);
        await Assert.That(duration.Sum).IsGreaterThan(0d);
        await Assert.That(duration.Tags["gen_ai.operation.name"]).IsEqualTo("chat");
        await Assert.That(duration.Tags["gen_ai.request.model"]).IsEqualTo("tgi");
        await Assert.That(duration.Tags["gen_ai.response.model"]).IsEqualTo(completion.Model);
        await Assert.That(duration.Tags.ContainsKey("error.type")).IsFalse();
        var usage = capture.PointsFor("gen_ai.client.token.usage", tgi.Emulator.BaseAddress);
        await Assert.That(usage.Single(p => Equals(p.Tags["gen_ai.token.type"], "input")).Sum).IsEqualTo((double)completion.Usage!.PromptTokens);
        await Assert.That(usage.Single(p => Equals(p.Tags["gen_ai.token.type"], "output")).Sum).IsEqualTo((double)completion.Usage!.CompletionTokens);
        await Assert.That(capture.PointsFor("gen_ai.client.operation.time_to_first_chunk", tgi.Emulator.BaseAddress)).IsEmpty();
    }
}
