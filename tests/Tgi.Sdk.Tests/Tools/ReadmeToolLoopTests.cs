// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Testing;
using Tgi.Sdk.Tests.Emulator;

namespace Tgi.Sdk.Tests.Tools;

/// <summary>
/// The README's tool-loop snippet against the emulator's own deterministic model: one tool round, then an answer,
/// because the model declines another call once the last message is a tool result (tool_choice auto).
/// </summary>
public class ReadmeToolLoopTests
{
    private static ChatCompletionOptions Options(List<string> cities)
    {
        var options = new ChatCompletionOptions();
        options.Tools.Add(TgiTool.Create("get_weather", "Current weather for a city", ReadmeJsonContext.Default.CityArgs, (args, ct) =>
        {
            lock (cities)
            {
                cities.Add(args.City);
            }

            return Task.FromResult($"{{\"city\":\"{args.City}\",\"sky\":\"clear\"}}");
        }));
        return options;
    }

    [Test]
    [Arguments(TgiWireVersion.V2_4)]
    [Arguments(TgiWireVersion.V3_3)]
    public async Task RunToolsAsync_ReadmeSnippet_CallsTheToolOnceThenAnswers(TgiWireVersion version)
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = version });
        List<string> cities = [];

        ChatToolLoopResult answer = await tgi.Client.RunToolsAsync([ChatMessage.CreateUser("Weather in Paris?")], Options(cities));

        await Assert.That(answer.StopReason).IsEqualTo(ChatToolLoopStopReason.Answered);
        await Assert.That(cities.Count).IsEqualTo(1);
        await Assert.That(answer.Rounds).IsEqualTo(2);
        await Assert.That(answer.Content).IsNotNull().And.IsNotEmpty();
    }

    [Test]
    [Arguments(TgiWireVersion.V2_4)]
    [Arguments(TgiWireVersion.V3_3)]
    public async Task RunToolsStreamingAsync_ReadmeSnippet_CallsTheToolOnceThenAnswers(TgiWireVersion version)
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = version });
        List<string> cities = [];
        ChatToolLoopResult? result = null;

        await foreach (ChatToolLoopUpdate update in tgi.Client.RunToolsStreamingAsync([ChatMessage.CreateUser("Weather in Paris?")], Options(cities)))
        {
            result = update.Result ?? result;
        }

        await Assert.That(result!.StopReason).IsEqualTo(ChatToolLoopStopReason.Answered);
        await Assert.That(cities.Count).IsEqualTo(1);
        await Assert.That(result.Content).IsNotNull().And.IsNotEmpty();
    }
}
