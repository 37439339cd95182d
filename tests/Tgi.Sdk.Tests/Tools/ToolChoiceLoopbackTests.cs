// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Introspection;
using Tgi.Sdk.Testing;
using Tgi.Sdk.Tests.Emulator;

namespace Tgi.Sdk.Tests.Tools;

/// <summary>Every tool_choice mode against the emulator, streaming and not (API.md §5.1, §5.5).</summary>
public class ToolChoiceLoopbackTests
{
    private static readonly ChatMessage[] s_question = [ChatMessage.CreateUser("What's the weather like in Paris?")];

    private static ChatCompletionOptions Options(ChatToolChoice? choice)
    {
        ChatCompletionOptions options = new() { ToolChoice = choice, MaxTokens = 200 };
        options.Tools.Add(ToolModels.Weather());
        options.Tools.Add(ToolModels.Forecast());
        return options;
    }

    private static async Task<ChatCompletion> CompleteAsync(TgiClient client, ChatCompletionOptions options, bool stream)
    {
        if (!stream)
        {
            return (await client.ChatAsync(s_question, options)).Value;
        }

        ChatCompletionAccumulator accumulator = new();
        await foreach (ChatCompletionUpdate update in client.ChatStreamingAsync(s_question, options))
        {
            accumulator.Append(update);
        }

        return accumulator.ToCompletion();
    }

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task ToolChoiceAuto_ModelPicksATool_CallParsesIntoArgumentType(bool stream)
    {
        await using Loopback tgi = await Loopback.StartAsync();

        ChatCompletion completion = await CompleteAsync(tgi.Client, Options(ChatToolChoice.Auto), stream);

        await Assert.That(completion.ToolCalls.Count).IsEqualTo(1);
        await Assert.That(completion.ToolCalls[0].FunctionName).IsEqualTo("get_current_weather");
        await Assert.That(completion.ToolCalls[0].GetArguments(TestJsonContext.Default.WeatherArgs).Location).IsEqualTo("Paris, France");
        await Assert.That(completion.FinishReason).IsEqualTo(FinishReason.Stop);
        await Assert.That(tgi.Emulator.ReceivedRequests[0].Body).Contains("\"tool_choice\":\"auto\"");
    }

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task ToolChoiceNone_ToolsNotRendered_PlainAnswer(bool stream)
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("No", " tools") });

        ChatCompletion completion = await CompleteAsync(tgi.Client, Options(ChatToolChoice.None), stream);

        await Assert.That(completion.ToolCalls.Count).IsEqualTo(0);
        await Assert.That(completion.Content).IsEqualTo("No tools");
        await Assert.That(tgi.Emulator.ReceivedRequests[0].Body).Contains("\"tool_choice\":\"none\"");
    }

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task ToolChoiceRequired_ModelMustCallATool(bool stream)
    {
        await using Loopback tgi = await Loopback.StartAsync();

        ChatCompletion completion = await CompleteAsync(tgi.Client, Options(ChatToolChoice.Required), stream);

        await Assert.That(completion.ToolCalls.Count).IsEqualTo(1);
        await Assert.That(completion.ToolCalls[0].GetArguments(TestJsonContext.Default.WeatherArgs).Format).IsEqualTo("celsius");
        await Assert.That(tgi.Emulator.ReceivedRequests[0].Body).Contains("\"tool_choice\":\"required\"");
    }

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task ToolChoiceNamedFunction_ThatFunctionIsCalled(bool stream)
    {
        await using Loopback tgi = await Loopback.StartAsync();

        ChatCompletion completion = await CompleteAsync(tgi.Client, Options(ChatToolChoice.CreateFunction("get_n_day_weather_forecast")), stream);

        await Assert.That(completion.ToolCalls.Count).IsEqualTo(1);
        await Assert.That(completion.ToolCalls[0].FunctionName).IsEqualTo("get_n_day_weather_forecast");
        ForecastArgs args = completion.ToolCalls[0].GetArguments(TestJsonContext.Default.ForecastArgs);
        await Assert.That(args.Location).IsEqualTo("Paris, France");
        await Assert.That(args.NumDays).IsGreaterThan(0);
        await Assert.That(tgi.Emulator.ReceivedRequests[0].Body).Contains("\"tool_choice\":{\"function\":{\"name\":\"get_n_day_weather_forecast\"},\"type\":\"function\"}");
    }

    [Test]
    public async Task ToolPrompt_IsSentAndRendered()
    {
        await using Loopback tgi = await Loopback.StartAsync();
        ChatCompletionOptions options = Options(ChatToolChoice.Required);
        options.ToolPrompt = "Answer with one JSON function call.";

        await tgi.Client.ChatAsync(s_question, options);
        ChatTokenizeResult templated = (await tgi.Client.ChatTokenizeAsync(s_question, options)).Value;

        await Assert.That(tgi.Emulator.ReceivedRequests[0].Body).Contains("\"tool_prompt\":\"Answer with one JSON function call.\"");
        await Assert.That(templated.TemplatedText).Contains("Answer with one JSON function call.");
    }
}
