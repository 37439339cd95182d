// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using System.Text.Json;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Testing;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Emulator;

public class ChatLoopbackTests
{
    private static readonly ChatMessage[] s_hi = [ChatMessage.CreateSystem("Be brief."), ChatMessage.CreateUser("Say OK")];

    // TGI ≤2.1 required "model"; the SDK never invents one, so callers of old servers set it (API.md §5.1).
    private static string? ModelFor(TgiWireVersion version) => version == TgiWireVersion.V2_0 ? "tgi" : null;

    private static ChatTool WeatherTool() =>
        ChatTool.CreateFunction("get_weather", "Current weather", "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}");

    [Test]
    [Arguments(TgiWireVersion.V2_0)]
    [Arguments(TgiWireVersion.V2_4)]
    [Arguments(TgiWireVersion.V3_3)]
    public async Task ChatAsync_EveryWireVersion_ReturnsContentAndUsage(TgiWireVersion version)
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = version, Generator = TgiGenerator.Scripted("O", "K") });

        TgiResult<ChatCompletion> result = await tgi.Client.ChatAsync(s_hi, new ChatCompletionOptions { MaxTokens = 10, Model = ModelFor(version) });

        await Assert.That(result.Value.Content).IsEqualTo("OK");
        await Assert.That(result.Value.FinishReason!.Value.IsEndOfSequence).IsTrue();
        await Assert.That(result.Value.Usage!.CompletionTokens).IsGreaterThan(0);
        await Assert.That(result.GetRawResponse().Status).IsEqualTo(200);
    }

    [Test]
    [Arguments(TgiWireVersion.V2_0)]
    [Arguments(TgiWireVersion.V2_4)]
    [Arguments(TgiWireVersion.V3_3)]
    public async Task ChatStreamingAsync_EveryWireVersion_StreamsTextAndFinish(TgiWireVersion version)
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = version, Generator = TgiGenerator.Scripted("O", "K", "!") });

        List<ChatCompletionUpdate> updates = await Expect.ToListAsync(tgi.Client.ChatStreamingAsync(s_hi, new ChatCompletionOptions { Model = ModelFor(version) }));

        await Assert.That(string.Concat(updates.Select(u => u.ContentDelta))).IsEqualTo("OK!");
        await Assert.That(updates.Count(u => u.FinishReason is not null)).IsEqualTo(1);
    }

    [Test]
    [Arguments(TgiWireVersion.V2_4)]
    [Arguments(TgiWireVersion.V3_3)]
    public async Task ChatStreamingAsync_IncludeUsage_ReportsUsageOnce(TgiWireVersion version)
    {
        // 2.3–3.1: on the finish chunk; ≥3.2: a separate choices:[] chunk (API.md §5.3).
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = version, Generator = TgiGenerator.Scripted("O", "K") });

        List<ChatCompletionUpdate> updates = await Expect.ToListAsync(tgi.Client.ChatStreamingAsync(s_hi, new ChatCompletionOptions { IncludeUsage = true }));

        await Assert.That(updates.Count(u => u.Usage is not null)).IsEqualTo(1);
        await Assert.That(updates[^1].Usage).IsNotNull();
        bool usageIsSeparate = updates[^1].ContentDelta is null && updates[^1].FinishReason is null;
        await Assert.That(usageIsSeparate).IsEqualTo(version == TgiWireVersion.V3_3);
    }

    [Test]
    [Arguments(TgiWireVersion.V2_0)]
    [Arguments(TgiWireVersion.V2_4)]
    [Arguments(TgiWireVersion.V3_3)]
    public async Task ChatAsync_ToolCall_EveryWireVersion_ArgumentsParse(TgiWireVersion version)
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = version });
        // "required" is understood from 2.4.1; older servers read it as a function name. TGI 2.0.0 applies tools only
        // with a tool_choice, and its auto always calls a tool.
        ChatCompletionOptions options = new() { ToolChoice = version == TgiWireVersion.V2_0 ? ChatToolChoice.Auto : ChatToolChoice.Required, MaxTokens = 200, Model = ModelFor(version) };
        options.Tools.Add(WeatherTool());

        ChatCompletion completion = (await tgi.Client.ChatAsync([ChatMessage.CreateUser("Weather in Paris?")], options)).Value;

        await Assert.That(completion.ToolCalls.Count).IsEqualTo(1);
        JsonElement arguments = completion.ToolCalls[0].ParseArguments();
        await Assert.That(arguments.ValueKind).IsEqualTo(JsonValueKind.Object);
        await Assert.That(completion.ToolCalls[0].Id).IsNotEmpty();
    }

    [Test]
    [Arguments(TgiWireVersion.V2_0)]
    [Arguments(TgiWireVersion.V2_4)]
    [Arguments(TgiWireVersion.V3_3)]
    public async Task ChatStreamingAsync_ToolCall_EveryWireVersion_FragmentsAccumulate(TgiWireVersion version)
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = version });
        // "required" is understood from 2.4.1; older servers read it as a function name. TGI 2.0.0 applies tools only
        // with a tool_choice, and its auto always calls a tool.
        ChatCompletionOptions options = new() { ToolChoice = version == TgiWireVersion.V2_0 ? ChatToolChoice.Auto : ChatToolChoice.Required, MaxTokens = 200, Model = ModelFor(version) };
        options.Tools.Add(WeatherTool());
        StringBuilder arguments = new();

        await foreach (ChatCompletionUpdate update in tgi.Client.ChatStreamingAsync([ChatMessage.CreateUser("Weather in Paris?")], options))
        {
            foreach (ChatToolCallUpdate call in update.ToolCallUpdates)
            {
                arguments.Append(call.ArgumentsDelta);
            }
        }

        // ≤3.1 streamed the whole grammar JSON (and the EOS text); ≥3.2 clean argument fragments (API.md §5.5).
        await Assert.That(arguments.ToString()).Contains("location");
    }

    [Test]
    public async Task ChatAsync_ReplayedToolTurn_IsAccepted()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("Sunny") });
        ChatMessage[] messages =
        [
            ChatMessage.CreateUser("Weather in Paris?"),
            ChatMessage.CreateAssistant([new ChatToolCall("0", "get_weather", "{\"location\":\"Paris\"}")]),
            ChatMessage.CreateTool("0", "{\"sky\":\"clear\"}"),
        ];

        ChatCompletion completion = (await tgi.Client.ChatAsync(messages)).Value;

        await Assert.That(completion.Content).IsEqualTo("Sunny");
    }

    [Test]
    public async Task ChatAsync_ImageContentParts_AreAccepted()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("A cat") });

        ChatCompletion completion = (await tgi.Client.ChatAsync([ChatMessage.CreateUser(ChatContentPart.CreateText("What is it?"), ChatContentPart.CreateImageUrl("https://example.invalid/cat.png"))])).Value;

        await Assert.That(completion.Content).IsEqualTo("A cat");
    }

    [Test]
    public async Task ChatAsync_NoChatTemplate_IsTemplateError()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { HasChatTemplate = false });

        TgiException ex = await Expect.TgiExceptionAsync(() => tgi.Client.ChatAsync(s_hi));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.TemplateError);
        await Assert.That(ex.Status).IsEqualTo(422);
    }

    [Test]
    public async Task ChatAsync_UnknownTool_IsToolError()
    {
        await using Loopback tgi = await Loopback.StartAsync();
        ChatCompletionOptions options = new() { ToolChoice = ChatToolChoice.CreateFunction("nope") };
        options.Tools.Add(WeatherTool());

        TgiException ex = await Expect.TgiExceptionAsync(() => tgi.Client.ChatAsync(s_hi, options));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.ToolError);
    }

    [Test]
    public async Task ChatStreamingAsync_TopLogprobsOverLimit_ErrorEventIsThrown()
    {
        await using Loopback tgi = await Loopback.StartAsync();

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(tgi.Client.ChatStreamingAsync(s_hi, new ChatCompletionOptions { Logprobs = true, TopLogprobs = 10 })));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Validation);
    }

    [Test]
    public async Task ChatAsync_TopPOneAndUnsetPresence_AreNotSent()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("x") });

        await tgi.Client.ChatAsync(s_hi, new ChatCompletionOptions { TopP = 1.0f, IncludeUsage = true });

        string body = tgi.Emulator.ReceivedRequests.Single(r => r.Path == "/v1/chat/completions").Body;
        await Assert.That(body).IsEqualTo("{\"messages\":[{\"content\":\"Be brief.\",\"role\":\"system\"},{\"content\":\"Say OK\",\"role\":\"user\"}]}");
    }

    [Test]
    public async Task ChatStreamingAsync_Logprobs_AreStreamed()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("O", "K") });

        List<ChatCompletionUpdate> updates = await Expect.ToListAsync(tgi.Client.ChatStreamingAsync(s_hi, new ChatCompletionOptions { Logprobs = true, TopLogprobs = 2 }));

        await Assert.That(updates[0].Logprobs).IsNotNull();
        await Assert.That(updates[0].Logprobs![0].Token).IsEqualTo("O");
    }
}
