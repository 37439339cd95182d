// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json.Serialization;
using Tgi.Sdk;
using Tgi.Sdk.Chat;

namespace Tgi.Sdk.Samples;

/// <summary>The README's tools and typed output: schemas from source-generated contracts, AOT-safe.</summary>
public static class ToolsAndStructuredOutput
{
    // snippet: tools
    public static async Task<string?> RunToolLoopAsync(TgiClient client)
    {
        ChatCompletionOptions options = new();
        options.Tools.Add(TgiTool.Create("get_weather", "Current weather for a city", SampleJson.Default.WeatherArgs,
            (args, cancellationToken) => Task.FromResult($$"""{"city":"{{args.City}}","sky":"clear"}""")));

        // Calls the model, runs each tool it asks for, sends the results back, until it answers.
        ChatToolLoopResult answer = await client.RunToolsAsync([ChatMessage.CreateUser("Weather in Paris?")], options);
        Console.WriteLine($"{answer.StopReason} after {answer.Rounds} round(s): {answer.Content}");
        return answer.Content;
    }

    public static async Task<CityFacts> RunStructuredOutputAsync(TgiClient client)
    {
        // The schema goes to TGI as a grammar; the answer is parsed and checked against it.
        TgiResult<CityFacts> facts = await client.ChatAsync([ChatMessage.CreateUser("Facts about Paris")], SampleJson.Default.CityFacts);
        Console.WriteLine($"{facts.Value.City}: {facts.Value.Population}");
        return facts.Value;
    }
    // end-snippet
}

// snippet: tools
public sealed record WeatherArgs(string City);

public sealed record CityFacts(string City, int Population);

[JsonSerializable(typeof(WeatherArgs))]
[JsonSerializable(typeof(CityFacts))]
internal sealed partial class SampleJson : JsonSerializerContext;
// end-snippet
