// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.RegularExpressions;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Tests.Infrastructure;
using Tgi.Sdk.Tests.Tools;

namespace Tgi.Sdk.Tests.Recordings;

/// <summary>TGI's recorded grammar, response_format and json_schema snapshots read through the SDK (skipped without ../shared).</summary>
public class GrammarRecordingsTests
{
    private static readonly ChatMessage[] s_ask = [ChatMessage.CreateUser("Give me the weather as JSON.")];

    [Test]
    public async Task GenerateAsyncT_RecordedJsonGrammarOutput_ReadsThePerson()
    {
        ReplayHandler handler = Recording.Json("head/test_flash_grammar_llama/test_flash_llama_grammar_json.json");

        Person person = await handler.CreateClient().GenerateAsync("info: david holtz like trees and has two cats", TestJsonContext.Default.Person, new GenerateOptions { MaxNewTokens = 100, Seed = 0 });

        await Assert.That(person).IsEqualTo(new Person("David", "Holtz", "Trees", 2));
        await Assert.That(handler.Requests[0].Body).Contains("\"grammar\":{\"type\":\"json\",\"value\":{\"type\":\"object\",\"properties\":{\"firstName\":{\"type\":\"string\"}");
    }

    [Test]
    [Arguments("head/test_flash_grammar_llama/test_flash_llama_grammar_regex.json", "((25[0-5]|2[0-4]\\d|[01]?\\d\\d?)\\.){3}(25[0-5]|2[0-4]\\d|[01]?\\d\\d?)", "42.1.1.101")]
    [Arguments("head/test_flash_grammar_llama/test_flash_llama_grammar_single_load_instance.json", "[\\w-]+@([\\w-]+\\.)+[\\w-]+", "123456@gmail.com")]
    public async Task GenerateAsync_RecordedRegexGrammarOutput_MatchesThePattern(string path, string pattern, string expected)
    {
        ReplayHandler handler = Recording.Json(path);

        GenerateResponse response = (await handler.CreateClient().GenerateAsync("Whats Googles DNS", new GenerateOptions { Grammar = TgiGrammar.Regex(pattern), MaxNewTokens = 10 })).Value;

        await Assert.That(response.GeneratedText).IsEqualTo(expected);
        await Assert.That(Regex.IsMatch(response.GeneratedText, "^" + pattern + "$")).IsTrue();
        await Assert.That(handler.Requests[0].Body).Contains("\"grammar\":{\"type\":\"regex\"");
    }

    [Test]
    [Arguments("head/test_grammar_response_format_llama/test_grammar_response_format_llama_json.json", "fahrenheit", new[] { 72, 79, 88 })]
    [Arguments("head/test_grammar_response_format_llama/test_grammar_response_format_llama_json.1.json", "fahrenheit", new[] { 72, 79, 88 })]
    [Arguments("head/test_grammar_response_format_llama/test_grammar_response_format_llama_json.2.json", "fahrenheit", new[] { 72, 79, 88 })]
    [Arguments("v2.4.1/test_grammar_response_format_llama/test_grammar_response_format_llama_json.json", "Fahrenheit", new[] { 26, 30, 33, 29 })]
    public async Task ChatAsyncT_RecordedResponseFormatAnswer_ReadsTheWeather(string path, string unit, int[] temperature)
    {
        ReplayHandler handler = Recording.Json(path);

        WeatherReport report = await handler.CreateClient().ChatAsync(s_ask, TestJsonContext.Default.WeatherReport, new ChatCompletionOptions { Seed = 42, MaxTokens = 500 });

        await Assert.That(report.Unit).IsEqualTo(unit);
        await Assert.That(report.Temperature).IsEquivalentTo(temperature);
        await Assert.That(handler.Requests[0].Body).Contains("\"response_format\":{\"type\":\"json\",\"value\":{\"type\":\"object\"");
    }

    [Test]
    public async Task ChatAsyncT_RecordedJsonSchemaAnswers_ReadIntoTypes()
    {
        Person person = await Recording.Json("head/test_json_schema_constrain/test_json_schema_basic.json").CreateClient()
            .ChatAsync(s_ask, TestJsonContext.Default.Person, new ChatCompletionOptions { ResponseFormat = TgiGrammar.JsonSchema("person", TestJsonContext.Default.Person) });
        Profile profile = await Recording.Json("head/test_json_schema_constrain/test_json_schema_complex.json").CreateClient()
            .ChatAsync(s_ask, TestJsonContext.Default.Profile, new ChatCompletionOptions { ResponseFormat = TgiGrammar.JsonSchema("profile", TestJsonContext.Default.Profile) });

        await Assert.That(person.FirstName).IsEqualTo("David");
        await Assert.That(person.NumCats).IsEqualTo(2);
        await Assert.That(profile.Address).IsEqualTo(new Address("Maple Street", "Boston"));
        await Assert.That(profile.Hobbies.Length).IsEqualTo(3);
    }

    [Test]
    public async Task ChatStreaming_RecordedJsonSchemaStream_AssembledContentReadsIntoType()
    {
        ChatCompletion completion = await Recording.StreamAsync(Recording.Stream("head/test_json_schema_constrain/test_json_schema_stream.json"));

        Person person = System.Text.Json.JsonSerializer.Deserialize(completion.Content!, TestJsonContext.Default.Person)!;

        await Assert.That(person.FirstName).IsEqualTo("David");
        await Assert.That(person.NumCats).IsEqualTo(2);
        await Assert.That(completion.FinishReason).IsEqualTo(FinishReason.Stop);
    }
}
