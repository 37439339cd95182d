// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Text;
using Tgi.Sdk.Testing.Tests.Support;

namespace Tgi.Sdk.Testing.Tests.Errors;

public class BindErrorTests
{
    private const string PlainText = "text/plain; charset=utf-8";
    private const string Prefix = "Failed to deserialize the JSON body into the target type: ";

    [Test]
    [Arguments("/generate", """{"inputs":"Hi","parameters":{"stop":"x"}}""", "parameters.stop: invalid type: string \"x\", expected a sequence at line 1 column 39")]
    [Arguments("/generate", """{"inputs":"Hi","parameters":null}""", "parameters: invalid type: null, expected struct GenerateParameters at line 1 column 32")]
    [Arguments("/generate", """{"inputs":"Hi","parameters":{"stop":null}}""", "parameters.stop: invalid type: null, expected a sequence at line 1 column 40")]
    [Arguments("/generate", """{}""", "missing field `inputs` at line 1 column 2")]
    [Arguments("/generate", """{"inputs":"Hi","parameters":{"max_new_tokens":-1}}""", "parameters.max_new_tokens: invalid value: integer `-1`, expected u32 at line 1 column 48")]
    [Arguments("/generate", """{"inputs":"Hi","parameters":{"details":"yes"}}""", "parameters.details: invalid type: string \"yes\", expected a boolean at line 1 column 44")]
    [Arguments("/v1/chat/completions", """{"messages":[{"role":"user","content":"Hi"}],"stop":"x"}""", "stop: invalid type: string \"x\", expected a sequence at line 1 column 55")]
    [Arguments("/v1/chat/completions", """{"messages":[{"role":"user","content":"Hi"}],"logit_bias":{"1":2}}""", "logit_bias: invalid type: map, expected a sequence at line 1 column 59")]
    [Arguments("/v1/chat/completions", """{"messages":[{"role":"user","content":"Hi"}],"stream":null}""", "stream: invalid type: null, expected a boolean at line 1 column 58")]
    [Arguments("/v1/chat/completions", """{"messages":[{"role":"user","content":"Hi"}],"stream_options":null}""", "stream_options: invalid type: null, expected struct StreamOptions at line 1 column 66")]
    [Arguments("/v1/chat/completions", """{"messages":[{"role":"user","content":"Hi"}],"response_format":{"type":"json_object"}}""", "response_format: missing field `value` at line 1 column 85")]
    [Arguments("/v1/chat/completions", """{"messages":[{"role":"user","content":"Hi"}],"response_format":{"type":"json_schema","json_schema":{}}}""", "response_format: missing field `value` at line 1 column 102")]
    [Arguments("/v1/chat/completions", """{"messages":[{"role":"user","content":"Hi"}],"tools":[{"type":"function","function":{"name":"f"}}]}""", "tools[0].function: missing field `arguments` at line 1 column 96")]
    [Arguments("/v1/chat/completions", """{"messages":[{"role":"assistant","content":null}]}""", "messages[0]: data did not match any variant of untagged enum MessageBody at line 1 column 48")]
    [Arguments("/v1/chat/completions", """{"messages":"Hi"}""", "messages: invalid type: string \"Hi\", expected a sequence at line 1 column 16")]
    public async Task Post_BodyNotMatchingType_Returns422PlainTextSerdeMessage(string path, string body, string expected)
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, path, body);

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        await Assert.That(reply.ContentType).IsEqualTo(PlainText);
        await Assert.That(reply.Body).IsEqualTo(Prefix + expected);
    }

    [Test]
    [Arguments("not json")]
    [Arguments("{\"inputs\":")]
    [Arguments("{\"inputs\":\"Hi\"} trailing")]
    public async Task Post_InvalidJson_Returns400PlainText(string body)
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", body);

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.BadRequest);
        await Assert.That(reply.ContentType).IsEqualTo(PlainText);
        await Assert.That(reply.Body.StartsWith("Failed to parse the request body as JSON: ", StringComparison.Ordinal)).IsTrue();
    }

    [Test]
    public async Task Post_TruncatedObject_ReportsEofLikeSerde()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", "{\"inputs\":\"Hi\"");

        await Assert.That(reply.Body).IsEqualTo("Failed to parse the request body as JSON: EOF while parsing an object at line 1 column 14");
    }

    [Test]
    public async Task Post_WrongContentType_Returns415PlainText()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "generate") { Content = new StringContent("""{"inputs":"Hi"}""", Encoding.UTF8, "text/plain") };

        Http.Reply reply = await Http.SendAsync(tgi, request);

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.UnsupportedMediaType);
        await Assert.That(reply.ContentType).IsEqualTo(PlainText);
        await Assert.That(reply.Body).IsEqualTo("Expected request with `Content-Type: application/json`");
    }

    [Test]
    public async Task Post_BodyOverPayloadLimit_Returns413PlainText()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { PayloadLimit = 64 });

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", $$"""{"inputs":"{{new string('a', 100)}}"}""");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.RequestEntityTooLarge);
        await Assert.That(reply.ContentType).IsEqualTo(PlainText);
        await Assert.That(reply.Body).IsEqualTo("Failed to buffer the request body: length limit exceeded");
    }

    [Test]
    public async Task Post_BodyOverDefaultTwoMegabytes_Returns413()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", $$"""{"inputs":"{{new string('a', 2_000_000)}}"}""");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task Post_UnknownFields_AreIgnored()
    {
        await using TgiEmulator tgi = await Scripts.StartAsync();

        Http.Reply reply = await Http.PostJsonAsync(tgi, "/generate", """{"inputs":"Hi","whatever":1,"parameters":{"also":true}}""");

        await Assert.That(reply.Status).IsEqualTo(HttpStatusCode.OK);
    }
}
