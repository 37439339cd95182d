// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Testing;
using Tgi.Sdk.Tests.Emulator;
using Tgi.Sdk.Tests.Infrastructure;
using Tgi.Sdk.Tests.Tools;

namespace Tgi.Sdk.Tests.StructuredOutput;

/// <summary>Typed structured output: ChatAsync&lt;T&gt; and GenerateAsync&lt;T&gt; against the emulator.</summary>
public class StructuredOutputLoopbackTests
{
    private static readonly ChatMessage[] s_ask = [ChatMessage.CreateUser("Tell me about a person.")];

    // TGI 1.4.x–2.0.x has no response_format (it is ignored), so the 2.0 mode is not among these.
    [Test]
    [Arguments(TgiWireVersion.V2_4)]
    [Arguments(TgiWireVersion.V3_3)]
    public async Task ChatAsyncT_ConstrainsWithSchemaOfT_AndReadsTheAnswer(TgiWireVersion version)
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = version });
        ChatCompletionOptions options = new() { MaxTokens = 200 };

        TgiResult<Person> result = await tgi.Client.ChatAsync(s_ask, TestJsonContext.Default.Person, options);

        await Assert.That(result.Value.FirstName).IsEqualTo("Ada");
        await Assert.That(result.Value.LastName).IsEqualTo("Lovelace");
        await Assert.That(result.GetRawResponse().Status).IsEqualTo(200);
        await Assert.That(tgi.Emulator.ReceivedRequests[0].Body).Contains("\"response_format\":{\"type\":\"json\",\"value\":{\"type\":\"object\",\"properties\":{\"firstName\"");
        await Assert.That(options.ResponseFormat).IsNull();
    }

    [Test]
    public async Task GenerateAsyncT_ConstrainsWithSchemaOfT_AndReadsTheOutput()
    {
        await using Loopback tgi = await Loopback.StartAsync();

        Profile profile = await tgi.Client.GenerateAsync("A profile as JSON:", TestJsonContext.Default.Profile, new GenerateOptions { MaxNewTokens = 200 });

        await Assert.That(profile.Name).IsEqualTo("Ada");
        await Assert.That(profile.Address.City).IsNotEmpty();
        await Assert.That(profile.Hobbies.Length).IsGreaterThan(0);
        await Assert.That(tgi.Emulator.ReceivedRequests[0].Body).Contains("\"grammar\":{\"type\":\"json\",\"value\":{\"type\":\"object\"");
    }

    [Test]
    public async Task ChatAsyncT_AnswerCutByMaxTokens_IsInvalidOutputWithRawText()
    {
        await using Loopback tgi = await Loopback.StartAsync();

        TgiException ex = await Expect.TgiExceptionAsync(() => tgi.Client.ChatAsync(s_ask, TestJsonContext.Default.Person, new ChatCompletionOptions { MaxTokens = 6 }));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.InvalidOutput);
        await Assert.That(ex.RawResponseBody).StartsWith("{");
        await Assert.That(ex.Message).Contains("finish_reason length");
        await Assert.That(ex.Message).Contains("Person");
    }

    [Test]
    public async Task GenerateAsyncT_OutputDoesNotFitT_IsInvalidOutputWithRawText()
    {
        // A model that ignores the grammar: valid JSON, but "numCats" and the names are missing.
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("{\"hobby\": ", "\"chess\"}") });

        TgiException ex = await Expect.TgiExceptionAsync(() => tgi.Client.GenerateAsync("x", TestJsonContext.Default.Person));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.InvalidOutput);
        await Assert.That(ex.RawResponseBody).IsEqualTo("{\"hobby\": \"chess\"}");
        await Assert.That(ex.Status).IsEqualTo(0);
    }

    [Test]
    public async Task ChatAsyncT_ResponseFormatSet_IsUsedAsIs()
    {
        await using Loopback tgi = await Loopback.StartAsync();
        ChatCompletionOptions options = new() { MaxTokens = 200, ResponseFormat = TgiGrammar.JsonSchema("person", TestJsonContext.Default.Person) };

        Person person = await tgi.Client.ChatAsync(s_ask, TestJsonContext.Default.Person, options);

        await Assert.That(person.FirstName).IsEqualTo("Ada");
        await Assert.That(tgi.Emulator.ReceivedRequests[0].Body).Contains("\"response_format\":{\"type\":\"json_schema\",\"value\":{\"name\":\"person\"");
    }
}
