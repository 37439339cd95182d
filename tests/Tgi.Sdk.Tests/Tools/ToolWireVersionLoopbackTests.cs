// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Testing;
using Tgi.Sdk.Tests.Emulator;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Tools;

/// <summary>Each TGI tool-call wire format, streaming and not, read into the same typed call (API.md §5.2–§5.5).</summary>
public class ToolWireVersionLoopbackTests
{
    private static readonly ChatMessage[] s_question = [ChatMessage.CreateUser("What's the weather like in Paris?")];

    // TGI ≤2.1 required "model"; "required" and the object tool_choice are only understood from 2.4.1 (API.md §5.1, §5.5).
    private static ChatCompletionOptions Options(TgiWireVersion version, ChatToolChoice? choice = null, int maxTokens = 200)
    {
        ChatCompletionOptions options = new() { MaxTokens = maxTokens, Model = version == TgiWireVersion.V2_0 ? "tgi" : null, ToolChoice = choice };
        options.Tools.Add(ToolModels.Weather());
        return options;
    }

    private static async Task<ChatCompletion> StreamAsync(TgiClient client, ChatCompletionOptions options)
    {
        ChatCompletionAccumulator accumulator = new();
        await foreach (ChatCompletionUpdate update in client.ChatStreamingAsync(s_question, options))
        {
            accumulator.Append(update);
        }

        return accumulator.ToCompletion();
    }

    [Test]
    [Arguments(TgiWireVersion.V2_0, false)]
    [Arguments(TgiWireVersion.V2_0, true)]
    [Arguments(TgiWireVersion.V2_4, false)]
    [Arguments(TgiWireVersion.V2_4, true)]
    [Arguments(TgiWireVersion.V3_3, false)]
    [Arguments(TgiWireVersion.V3_3, true)]
    public async Task ToolCall_EveryWireVersion_RealNameAndTypedArguments(TgiWireVersion version, bool stream)
    {
        // 2.0: id 0, name "tools" + "_name" in parameters; 2.4–3.1: object arguments, streamed whole grammar JSON + EOS;
        // ≥3.2: string arguments, array deltas, no finish chunk.
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = version });
        // TGI 2.0.0 applies tools only with a tool_choice ("required" is a function name there); its auto always calls one.
        ChatCompletionOptions options = Options(version, version == TgiWireVersion.V2_0 ? ChatToolChoice.Auto : ChatToolChoice.Required);

        ChatCompletion completion = stream ? await StreamAsync(tgi.Client, options) : (await tgi.Client.ChatAsync(s_question, options)).Value;

        await Assert.That(completion.ToolCalls.Count).IsEqualTo(1);
        await Assert.That(completion.ToolCalls[0].FunctionName).IsEqualTo("get_current_weather");
        WeatherArgs args = completion.ToolCalls[0].GetArguments(TestJsonContext.Default.WeatherArgs);
        await Assert.That(args.Location).IsEqualTo("Paris, France");
        await Assert.That(args.Format).IsEqualTo("celsius");
        await Assert.That(completion.Content).IsNull();
        await Assert.That(completion.FinishReason!.Value.IsEndOfSequence).IsTrue();
    }

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task NoTool_V32Regeneration_IsPlainContent(bool stream)
    {
        // TGI ≥3.2: a no_tool pick is discarded and a second generation without tools answers (API.md §5.5).
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = ToolModels.HiddenFunction("no_tool", "content", "I am an assistant.") });
        ChatCompletionOptions options = Options(TgiWireVersion.V3_3, ChatToolChoice.Auto);

        ChatCompletion completion = stream ? await StreamAsync(tgi.Client, options) : (await tgi.Client.ChatAsync(s_question, options)).Value;

        await Assert.That(completion.ToolCalls.Count).IsEqualTo(0);
        await Assert.That(completion.Content).IsEqualTo("I am an assistant.");
    }

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task NoTool_V24ContentFromOneGeneration_IsPlainContent(bool stream)
    {
        // TGI 2.4–3.1: no_tool's content argument is the answer; the stream strips the JSON prefix and has no finish_reason.
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = TgiWireVersion.V2_4, Generator = ToolModels.HiddenFunction("no_tool", "content", "I am an assistant.") });
        ChatCompletionOptions options = Options(TgiWireVersion.V2_4, ChatToolChoice.Auto);

        ChatCompletion completion = stream ? await StreamAsync(tgi.Client, options) : (await tgi.Client.ChatAsync(s_question, options)).Value;

        await Assert.That(completion.ToolCalls.Count).IsEqualTo(0);
        await Assert.That(completion.Content).IsEqualTo("I am an assistant.");
    }

    [Test]
    [Arguments(TgiWireVersion.V2_0, "2.0.3", false)]
    [Arguments(TgiWireVersion.V2_0, "2.0.3", true)]
    [Arguments(TgiWireVersion.V2_4, "2.3.0", false)]
    [Arguments(TgiWireVersion.V2_4, "2.3.0", true)]
    public async Task NotifyError_V201To23_BecomesPlainContent(TgiWireVersion version, string tgiVersion, bool stream)
    {
        // TGI 2.0.1–2.3: the hidden notify_error(error) "tool" came back like any call; its error text is the answer.
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = version, Version = tgiVersion, Generator = ToolModels.HiddenFunction("notify_error", "error", "No tool fits.") });
        ChatCompletionOptions options = Options(version);

        ChatCompletion completion = stream ? await StreamAsync(tgi.Client, options) : (await tgi.Client.ChatAsync(s_question, options)).Value;

        await Assert.That(completion.ToolCalls.Count).IsEqualTo(0);
        await Assert.That(completion.Content).IsEqualTo("No tool fits.");
    }

    [Test]
    public async Task ToolCall_CutByMaxTokens_NonStream_IsTgiToolError()
    {
        // TGI: a tool output cut by max_tokens is a 422 "Tool error: Failed to parse generated text" (API.md §2.1, §5.4).
        await using Loopback tgi = await Loopback.StartAsync();

        TgiException ex = await Expect.TgiExceptionAsync(() => tgi.Client.ChatAsync(s_question, Options(TgiWireVersion.V3_3, ChatToolChoice.Required, maxTokens: 12)));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.ToolError);
        await Assert.That(ex.Status).IsEqualTo(422);
    }

    [Test]
    [Arguments(TgiWireVersion.V2_4)]
    [Arguments(TgiWireVersion.V3_3)]
    public async Task ToolCall_CutByMaxTokens_Stream_GetArgumentsIsInvalidOutputWithRawText(TgiWireVersion version)
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = version });

        ChatCompletion completion = await StreamAsync(tgi.Client, Options(version, ChatToolChoice.Required, maxTokens: 22));

        await Assert.That(completion.FinishReason).IsEqualTo(FinishReason.Length);
        await Assert.That(completion.ToolCalls.Count).IsEqualTo(1);
        await Assert.That(completion.ToolCalls[0].FunctionName).IsEqualTo("get_current_weather");
        TgiException? ex = await Assert.That(() => completion.ToolCalls[0].GetArguments(TestJsonContext.Default.WeatherArgs)).Throws<TgiException>();
        await Assert.That(ex!.ErrorType).IsEqualTo(TgiErrorType.InvalidOutput);
        await Assert.That(ex.RawResponseBody).IsEqualTo(completion.ToolCalls[0].ArgumentsJson);
    }
}
