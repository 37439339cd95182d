// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Tools;

/// <summary>Tool-loop failure paths over a replayed server.</summary>
public class ToolLoopTests
{
    private const string CallsUnknownTool =
        "{\"object\":\"chat.completion\",\"id\":\"\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"3.3.6-native\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"tool_calls\":["
        + "{\"id\":\"0\",\"type\":\"function\",\"function\":{\"description\":null,\"name\":\"launch_rocket\",\"arguments\":\"{\\\"when\\\":\\\"now\\\"}\"}}]},\"logprobs\":null,\"finish_reason\":\"stop\"}]}";

    private const string CallsWeather =
        "{\"object\":\"chat.completion\",\"id\":\"\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"3.3.6-native\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"tool_calls\":["
        + "{\"id\":\"0\",\"type\":\"function\",\"function\":{\"description\":null,\"name\":\"get_current_weather\",\"arguments\":\"{\\\"location\\\":\\\"Paris\\\",\\\"format\\\":null}\"}}]},\"logprobs\":null,\"finish_reason\":\"stop\"}]}";

    [Test]
    public async Task RunToolsAsync_ModelCallsUnknownTool_IsInvalidOutput()
    {
        ChatCompletionOptions options = new();
        options.Tools.Add(TgiTool.Create("get_current_weather", null, TestJsonContext.Default.WeatherArgs, (_, _) => Task.FromResult("x")));

        TgiException ex = await Expect.TgiExceptionAsync(() => ReplayHandler.Json(CallsUnknownTool).CreateClient().RunToolsAsync([ChatMessage.CreateUser("Go")], options));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.InvalidOutput);
        await Assert.That(ex.Message).Contains("launch_rocket");
    }

    [Test]
    public async Task RunToolsAsync_HandlerThrows_ExceptionPropagates()
    {
        ChatCompletionOptions options = new();
        options.Tools.Add(TgiTool.Create<WeatherArgs>("get_current_weather", null, TestJsonContext.Default.WeatherArgs, (_, _) => throw new TimeoutException("weather service down")));
        ReplayHandler handler = ReplayHandler.Json(CallsWeather);

        TimeoutException? ex = await Assert.That(() => (Task)handler.CreateClient().RunToolsAsync([ChatMessage.CreateUser("Go")], options)).Throws<TimeoutException>();

        await Assert.That(ex!.Message).IsEqualTo("weather service down");
        await Assert.That(handler.Requests.Count).IsEqualTo(1);
    }
}
