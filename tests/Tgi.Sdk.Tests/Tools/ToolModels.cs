// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Tests.Tools;

/// <summary>Emulated models and tools shared by the tool tests.</summary>
internal static class ToolModels
{
    public static ChatTool Weather() => TgiTool.Create("get_current_weather", "Get the current weather", TestJsonContext.Default.WeatherArgs);

    public static ChatTool Forecast() => TgiTool.Create("get_n_day_weather_forecast", "Get an N-day weather forecast", TestJsonContext.Default.ForecastArgs);

    /// <summary>A model that answers with the hidden function <paramref name="name"/> ({"_name", member: text}) whenever a tool grammar is active.</summary>
    public static TgiGenerator HiddenFunction(string name, string member, string text) => TgiGenerator.Create(request =>
        request.ToolGrammar.Count > 0
            ? new TgiGeneration(TgiGenerator.Tokenize($"{{\"function\": {{\"_name\": {JsonSerializer.Serialize(name, TestJsonContext.Default.String)}, {JsonSerializer.Serialize(member, TestJsonContext.Default.String)}: {JsonSerializer.Serialize(text, TestJsonContext.Default.String)}}}}}"))
            : new TgiGeneration(TgiGenerator.Tokenize(text)));

    /// <summary>A model that calls get_current_weather on every turn, even after a tool result (the default model then answers).</summary>
    public static TgiGenerator AlwaysCallWeather() => TgiGenerator.Create(request =>
        request.ToolGrammar.Count > 0
            ? new TgiGeneration(TgiGenerator.Tokenize("""{"function": {"_name": "get_current_weather", "location": "Paris, France", "format": "celsius"}}"""))
            : TgiGenerator.Default.Generate(request));

    /// <summary>
    /// A model that calls a tool until the conversation holds a tool result, then answers <paramref name="answer"/>:
    /// under the tool grammar by picking no_tool (TGI ≥3.2 then re-generates without tools), else as plain text.
    /// </summary>
    public static TgiGenerator CallThenAnswer(string answer) => TgiGenerator.Create(request =>
        !request.Messages.Any(m => m.Role == "tool")
            ? TgiGenerator.Default.Generate(request)
            : HiddenFunction("no_tool", "content", answer).Generate(request));
}
