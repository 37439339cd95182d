// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using System.Text.RegularExpressions;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Testing;
using Tgi.Sdk.Tests.Emulator;
using Tgi.Sdk.Tests.Tools;

namespace Tgi.Sdk.Tests.Grammar;

/// <summary>One grammar value on both endpoints: parameters.grammar on /generate and response_format on chat (API.md §7).</summary>
public class GrammarLoopbackTests
{
    private const string IpPattern = "((25[0-5]|2[0-4]\\d|[01]?\\d\\d?)\\.){3}(25[0-5]|2[0-4]\\d|[01]?\\d\\d?)";

    public static IEnumerable<Func<TgiGrammar>> JsonGrammars() =>
    [
        () => TgiGrammar.Json(TestJsonContext.Default.WeatherReport),
        () => TgiGrammar.JsonSchema("weather", TestJsonContext.Default.WeatherReport),
    ];

    [Test]
    [MethodDataSource(nameof(JsonGrammars))]
    public async Task JsonGrammar_BothEndpoints_OutputFitsTheSchema(TgiGrammar grammar)
    {
        await using Loopback tgi = await Loopback.StartAsync();

        string generated = (await tgi.Client.GenerateAsync("Weather as JSON:", new GenerateOptions { Grammar = grammar, MaxNewTokens = 200 })).Value.GeneratedText;
        string chatted = (await tgi.Client.ChatAsync([ChatMessage.CreateUser("Weather as JSON")], new ChatCompletionOptions { ResponseFormat = grammar, MaxTokens = 200 })).Value.Content!;

        foreach (string text in (string[])[generated, chatted])
        {
            WeatherReport report = JsonSerializer.Deserialize(text, TestJsonContext.Default.WeatherReport)!;
            await Assert.That(report.Unit).IsEqualTo("celsius");
            await Assert.That(report.Temperature.Length).IsGreaterThan(0);
        }
    }

    [Test]
    public async Task RegexGrammar_BothEndpoints_OutputMatches()
    {
        await using Loopback tgi = await Loopback.StartAsync();
        TgiGrammar grammar = TgiGrammar.Regex(IpPattern);

        string generated = (await tgi.Client.GenerateAsync("An IP:", new GenerateOptions { Grammar = grammar, MaxNewTokens = 30 })).Value.GeneratedText;
        string chatted = (await tgi.Client.ChatAsync([ChatMessage.CreateUser("An IP")], new ChatCompletionOptions { ResponseFormat = grammar, MaxTokens = 30 })).Value.Content!;

        await Assert.That(Regex.IsMatch(generated, "^" + IpPattern + "$")).IsTrue();
        await Assert.That(Regex.IsMatch(chatted, "^" + IpPattern + "$")).IsTrue();
        await Assert.That(tgi.Emulator.ReceivedRequests[1].Body).Contains("\"response_format\":{\"type\":\"regex\",\"value\":");
    }

    [Test]
    public async Task JsonSchemaGrammar_BeforeTgi33_IsRejectedByTheServer()
    {
        // TGI: the json_schema grammar type is ≥3.3.0; older servers answer a plain-text 422 unknown variant (API.md §7).
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = TgiWireVersion.V2_4 });

        TgiException ex = await Infrastructure.Expect.TgiExceptionAsync(() => tgi.Client.GenerateAsync("x", new GenerateOptions { Grammar = TgiGrammar.JsonSchema("weather", TestJsonContext.Default.WeatherReport) }));

        await Assert.That(ex.Status).IsEqualTo(422);
        await Assert.That(ex.ErrorMessage).Contains("json_schema");
    }
}
