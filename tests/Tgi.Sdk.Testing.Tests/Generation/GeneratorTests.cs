// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using System.Text.RegularExpressions;
using Tgi.Sdk.Testing.Tests.Support;

namespace Tgi.Sdk.Testing.Tests.Generation;

public class GeneratorTests
{
    [Test]
    public async Task DefaultGenerator_SameRequest_SameTokens()
    {
        await using TgiEmulator first = await TgiEmulator.StartAsync();
        await using TgiEmulator second = await TgiEmulator.StartAsync();
        const string Body = """{"inputs":"Tell me a story","parameters":{"details":true}}""";

        Http.Reply one = await Http.PostJsonAsync(first, "/generate", Body);
        Http.Reply two = await Http.PostJsonAsync(second, "/generate", Body);

        await Assert.That(two.Body).IsEqualTo(one.Body);
    }

    [Test]
    public async Task DefaultGenerator_DifferentPrompts_DifferentText()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply one = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"alpha"}""");
        Http.Reply two = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"omega"}""");

        await Assert.That(two.Body).IsNotEqualTo(one.Body);
    }

    [Test]
    public async Task DefaultGenerator_Output_EndsWithSpecialEosToken()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi","parameters":{"details":true}}""");

        JsonElement details = reply.Json.GetProperty("details");
        JsonElement last = details.GetProperty("tokens")[details.GetProperty("generated_tokens").GetInt32() - 1];
        await Assert.That(details.GetProperty("finish_reason").GetString()).IsEqualTo("eos_token");
        await Assert.That(last.GetRawText()).IsEqualTo("""{"id":2,"text":"</s>","logprob":-0.0625,"special":true}""");
    }

    [Test]
    public async Task JsonGrammar_Schema_OutputMatchesSchema()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        const string Schema = """{"type":"object","properties":{"firstName":{"type":"string","minLength":2},"age":{"type":"integer","minimum":18},"score":{"type":"number"},"active":{"type":"boolean"},"tags":{"type":"array","items":{"type":"string"},"minItems":3},"unit":{"enum":["c","f"]}},"required":["firstName","age"]}""";

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Person:","parameters":{"grammar":{"type":"json","value":""" + Schema + "}}}");

        using JsonDocument output = JsonDocument.Parse(reply.Json.GetProperty("generated_text").GetString()!);
        JsonElement person = output.RootElement;
        await Assert.That(person.GetProperty("firstName").GetString()!.Length).IsGreaterThanOrEqualTo(2);
        await Assert.That(person.GetProperty("age").GetInt32()).IsGreaterThanOrEqualTo(18);
        await Assert.That(person.GetProperty("score").ValueKind).IsEqualTo(JsonValueKind.Number);
        await Assert.That(person.GetProperty("active").GetBoolean()).IsTrue();
        await Assert.That(person.GetProperty("tags").GetArrayLength()).IsGreaterThanOrEqualTo(3);
        await Assert.That(person.GetProperty("unit").GetString()).IsEqualTo("c");
    }

    [Test]
    public async Task JsonGrammar_SchemaAsString_IsAccepted()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"x","parameters":{"grammar":{"type":"json","value":"{\"properties\":{\"n\":{\"type\":\"integer\"}}}"}}}""");

        using JsonDocument output = JsonDocument.Parse(reply.Json.GetProperty("generated_text").GetString()!);
        await Assert.That(output.RootElement.GetProperty("n").ValueKind).IsEqualTo(JsonValueKind.Number);
    }

    [Test]
    [Arguments("((25[0-5]|2[0-4]\\\\d|[01]?\\\\d\\\\d?)\\\\.){3}(25[0-5]|2[0-4]\\\\d|[01]?\\\\d\\\\d?)")]
    [Arguments("[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\\\.com")]
    [Arguments("\\\\d{3}-\\\\d{4}")]
    [Arguments("(yes|no)!?")]
    [Arguments("[^0-9]{2,5}x*")]
    public async Task RegexGrammar_Pattern_OutputMatchesWholePattern(string jsonEscapedPattern)
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", "{\"inputs\":\"x\",\"parameters\":{\"grammar\":{\"type\":\"regex\",\"value\":\"" + jsonEscapedPattern + "\"}}}");

        string pattern = JsonDocument.Parse($"\"{jsonEscapedPattern}\"").RootElement.GetString()!;
        string text = reply.Json.GetProperty("generated_text").GetString()!;
        await Assert.That(Regex.IsMatch(text, "^(?:" + pattern + ")$")).IsTrue();
    }

    [Test]
    [Arguments("json_object", """{"properties":{"unit":{"type":"string"},"temperature":{"type":"array","items":{"type":"integer"}}}}""")]
    [Arguments("json", """{"properties":{"unit":{"type":"string"},"temperature":{"type":"array","items":{"type":"integer"}}}}""")]
    [Arguments("json_schema", """{"name":"weather","strict":true,"schema":{"properties":{"unit":{"type":"string"},"temperature":{"type":"array","items":{"type":"integer"}}}}}""")]
    public async Task Chat_ResponseFormat_ContentIsJsonMatchingSchema(string type, string value)
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        string body = "{\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"}],\"response_format\":{\"type\":\"" + type + "\",\"value\":" + value + "}}";
        Http.Reply reply = await Http.PostJsonAsync(tgi, "/v1/chat/completions", body);

        using JsonDocument content = JsonDocument.Parse(reply.Json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!);
        await Assert.That(content.RootElement.GetProperty("unit").ValueKind).IsEqualTo(JsonValueKind.String);
        await Assert.That(content.RootElement.GetProperty("temperature")[0].ValueKind).IsEqualTo(JsonValueKind.Number);
    }

    [Test]
    public async Task Scripted_Strings_AppendEosAndDeriveIds()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("A", " b") });

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"x","parameters":{"details":true}}""");

        JsonElement tokens = reply.Json.GetProperty("details").GetProperty("tokens");
        await Assert.That(reply.Json.GetProperty("generated_text").GetString()).IsEqualTo("A b");
        await Assert.That(tokens.GetArrayLength()).IsEqualTo(3);
        await Assert.That(tokens[2].GetProperty("special").GetBoolean()).IsTrue();
    }

    [Test]
    public async Task Delegate_SeesRequestDescription()
    {
        TgiGenerationRequest? seen = null;
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions
        {
            Generator = TgiGenerator.Create(request =>
            {
                seen = request;
                return new TgiGeneration(TgiGenerator.Tokenize("ok"));
            }),
        });

        await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hello there","parameters":{"max_new_tokens":7,"stop":["!"],"seed":3,"do_sample":true,"grammar":{"type":"regex","value":"a+"}}}""");

        await Assert.That(seen!.Route).IsEqualTo("/generate");
        await Assert.That(seen.Prompt).IsEqualTo("Hello there");
        await Assert.That(seen.PromptTokenCount).IsEqualTo(3);
        await Assert.That(seen.MaxNewTokens).IsEqualTo(7);
        await Assert.That(seen.Stop).IsEquivalentTo(["!"]);
        await Assert.That(seen.Seed).IsEqualTo(3UL);
        await Assert.That(seen.DoSample).IsTrue();
        await Assert.That(seen.Grammar!.Regex).IsEqualTo("a+");
    }

    [Test]
    public async Task Truncate_ShortensPromptToLastTokens()
    {
        TgiGenerationRequest? seen = null;
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions
        {
            Generator = TgiGenerator.Create(request =>
            {
                seen = request;
                return new TgiGeneration(TgiGenerator.Tokenize("ok"));
            }),
        });

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"one two three four","parameters":{"truncate":2,"decoder_input_details":true}}""");

        await Assert.That(seen!.PromptTokenCount).IsEqualTo(2);
        JsonElement prefill = reply.Json.GetProperty("details").GetProperty("prefill");
        await Assert.That(prefill.GetArrayLength()).IsEqualTo(2);
        await Assert.That(prefill[0].GetProperty("text").GetString()).IsEqualTo(" three");
    }

    [Test]
    public async Task Tokenize_Helper_ProducesWordPiecesAndNonAscii()
    {
        IReadOnlyList<TgiGeneratedToken> tokens = TgiGenerator.Tokenize("The café costs 5€", appendEos: false);

        string texts = string.Join("|", tokens.Select(t => t.Text));
        await Assert.That(texts).IsEqualTo("The| caf|é| costs| 5|€");
        await Assert.That(tokens.All(t => t.Logprob is <= 0f)).IsTrue();
    }

    [Test]
    public async Task DefaultGenerator_SomeReplies_ContainNonAsciiText()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        bool sawNonAscii = false;

        for (int i = 0; i < 20 && !sawNonAscii; i++)
        {
            Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", $$"""{"inputs":"prompt {{i}}"}""");
            sawNonAscii = reply.Json.GetProperty("generated_text").GetString()!.Any(c => c > 127);
        }

        await Assert.That(sawNonAscii).IsTrue();
    }
}
