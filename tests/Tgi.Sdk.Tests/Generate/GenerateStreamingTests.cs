// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Generate;

public class GenerateStreamingTests
{
    [Test]
    [MatrixDataSource]
    public async Task GenerateStreamingAsync_NewlineChunkSpaceMatrix_YieldsTokensThenFinal(
        [Matrix("\r", "\n", "\r\n")] string newline,
        [Matrix(1, 2, 3, 7, 64, int.MaxValue)] int chunkSize,
        [Matrix(true, false)] bool space)
    {
        string payload = ":" + newline + newline + Sse.Frame(Sse.ThreeTokenGenerate(), newline, space);
        ReplayHandler handler = ReplayHandler.Sse(payload, chunkSize);
        TgiClient client = handler.CreateClient();

        List<GenerateStreamUpdate> updates = await Expect.ToListAsync(client.GenerateStreamingAsync("Hi"));

        await Assert.That(updates.Count).IsEqualTo(3);
        await Assert.That(updates[0].Token.Text).IsEqualTo(" The");
        await Assert.That(updates[1].Token.Text).IsEqualTo(" cat\n\"q\"");
        await Assert.That(updates[2].Token.IsSpecial).IsTrue();
        await Assert.That(updates[2].IsFinal).IsTrue();
        await Assert.That(updates[2].GeneratedText).IsEqualTo(" The cat\n\"q\"");
        await Assert.That(updates[2].Details!.FinishReason).IsEqualTo(FinishReason.EosToken);
        await Assert.That(updates[2].Details!.InputLength).IsEqualTo(7);
    }

    [Test]
    [Arguments("{\"index\":1,\"token\":{\"id\":7,\"text\":\"a\\u00e9\\n\",\"logprob\":-2.3841858e-7,\"special\":false},\"generated_text\":null,\"details\":null}")]
    [Arguments("{\"index\":1,\"token\":{\"id\":7,\"text\":\"a\\u00e9\\n\",\"logprob\":-2.3841858E-07,\"special\":false},\"generated_text\":null,\"details\":null}")]
    [Arguments("{\"token\":{\"special\":false,\"logprob\":-2.3841858e-7,\"text\":\"aé\\n\",\"id\":7},\"index\":1,\"generated_text\":null,\"details\":null}")]
    [Arguments("{ \"index\": 1, \"token\": { \"id\": 7, \"text\": \"aé\\n\", \"logprob\": -2.3841858e-7, \"special\": false } }")]
    public async Task GenerateStreamingAsync_TokenEventLayouts_ReadTheSame(string tokenEvent)
    {
        // The exact serde layout takes the byte-matching fast path; any other layout the JSON reader path. Same result.
        string final = Sse.Token(2, 2, "\"</s>\"", "\"aé\\n\"", special: true);
        TgiClient client = ReplayHandler.Sse(Sse.Frame([tokenEvent, final])).CreateClient();
        TgiClient raw = ReplayHandler.Sse(Sse.Frame([tokenEvent, final])).CreateClient();

        List<GenerateStreamUpdate> updates = await Expect.ToListAsync(client.GenerateStreamingAsync("Hi"));
        List<GenerateStreamRawUpdate> rawUpdates = await Expect.ToListAsync(raw.GenerateStreamingRawAsync("Hi"));

        await Assert.That(updates[0].Index).IsEqualTo(1);
        await Assert.That(updates[0].Token.Id).IsEqualTo(7);
        await Assert.That(updates[0].Token.Text).IsEqualTo("aé\n");
        await Assert.That(updates[0].Token.Logprob).IsEqualTo(-2.3841858e-7f);
        await Assert.That(updates[0].Token.IsSpecial).IsFalse();
        await Assert.That(updates[0].IsFinal).IsFalse();
        await Assert.That(rawUpdates[0].TokenId).IsEqualTo(7);
        await Assert.That(rawUpdates[0].Logprob).IsEqualTo(-2.3841858e-7f);
        await Assert.That(rawUpdates[0].IsFinal).IsFalse();
    }

    [Test]
    public async Task GenerateStreamingAsync_BeforeEnumeration_SendsNothing()
    {
        ReplayHandler handler = ReplayHandler.Sse(Sse.Frame(Sse.ThreeTokenGenerate()));
        TgiClient client = handler.CreateClient();

        TgiStreamingResult<GenerateStreamUpdate> stream = client.GenerateStreamingAsync("Hi");

        await Assert.That(handler.Requests.Count).IsEqualTo(0);
        await Assert.That(() => stream.GetRawResponse()).Throws<InvalidOperationException>();
        await using IAsyncEnumerator<GenerateStreamUpdate> e = stream.GetAsyncEnumerator();
        await Assert.That(await e.MoveNextAsync()).IsTrue();
        await Assert.That(handler.Requests.Count).IsEqualTo(1);
        await Assert.That(handler.Requests[0].Path).IsEqualTo("/generate_stream");
        await Assert.That(handler.Requests[0].Headers["Accept"]).IsEqualTo("text/event-stream");
        await Assert.That(stream.GetRawResponse().Status).IsEqualTo(200);
    }

    [Test]
    public async Task GenerateStreamingAsync_ErrorEventAfterTokens_ThrowsTgiExceptionWithType()
    {
        string payload = Sse.Frame([Sse.Token(1, 5, "\"a\""), "{\"error\":\"Request failed during generation: Server error: CUDA out of memory\",\"error_type\":\"generation\"}"]);
        TgiClient client = ReplayHandler.Sse(payload).CreateClient();
        List<string> seen = [];

        TgiException ex = await Expect.TgiExceptionAsync(async () =>
        {
            await foreach (GenerateStreamUpdate u in client.GenerateStreamingAsync("Hi"))
            {
                seen.Add(u.Token.Text);
            }
        });

        await Assert.That(seen).IsEquivalentTo(new[] { "a" });
        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Generation);
        await Assert.That(ex.Status).IsEqualTo(424);
        await Assert.That(ex.Message).StartsWith("HTTP 424 (generation): Request failed during generation");
        await Assert.That(ex.RawResponseBody).Contains("CUDA");
    }

    [Test]
    public async Task GenerateStreamingAsync_OverloadedEvent_IsRetryable()
    {
        string payload = Sse.Frame(["{\"error\":\"Model is overloaded\",\"error_type\":\"overloaded\"}"]);
        TgiClient client = ReplayHandler.Sse(payload).CreateClient();

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(client.GenerateStreamingAsync("Hi")));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Overloaded);
        await Assert.That(ex.IsRetryable).IsTrue();
        await Assert.That(ex.Status).IsEqualTo(429);
    }

    [Test]
    public async Task GenerateStreamingAsync_ConnectionClosedBeforeFinalEvent_ThrowsInsteadOfShortAnswer()
    {
        string payload = Sse.Frame([Sse.Token(1, 5, "\"a\""), Sse.Token(2, 6, "\"b\"")]);
        TgiClient client = ReplayHandler.Sse(payload).CreateClient();

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(client.GenerateStreamingAsync("Hi")));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Transport);
        await Assert.That(ex.IsRetryable).IsTrue();
    }

    [Test]
    public async Task GenerateStreamingAsync_MalformedEvent_ThrowsProtocolError()
    {
        string payload = Sse.Frame([Sse.Token(1, 5, "\"a\""), "{\"index\":2,\"token\":{\"id\":"]);
        TgiClient client = ReplayHandler.Sse(payload).CreateClient();

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(client.GenerateStreamingAsync("Hi")));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Protocol);
        await Assert.That(ex.InnerException).IsTypeOf<System.Text.Json.JsonException>();
    }

    [Test]
    public async Task GenerateStreamingAsync_TopTokens_AreRead()
    {
        string ev = "{\"index\":1,\"token\":{\"id\":1,\"text\":\"a\",\"logprob\":null,\"special\":false},\"top_tokens\":[{\"id\":1,\"text\":\"a\",\"logprob\":-0.1,\"special\":false},{\"id\":2,\"text\":\"b\",\"logprob\":-2.5,\"special\":false}],\"generated_text\":\"a\",\"details\":null}";
        TgiClient client = ReplayHandler.Sse(Sse.Frame([ev])).CreateClient();

        List<GenerateStreamUpdate> updates = await Expect.ToListAsync(client.GenerateStreamingAsync("Hi", new GenerateOptions { TopNTokens = 2 }));

        await Assert.That(updates[0].Token.Logprob).IsNull();
        await Assert.That(updates[0].TopTokens!.Count).IsEqualTo(2);
        await Assert.That(updates[0].TopTokens![1].Text).IsEqualTo("b");
        await Assert.That(updates[0].Details).IsNull();
    }

    [Test]
    public async Task GenerateStreamingRawAsync_Tokens_ExposeUnescapedUtf8()
    {
        TgiClient client = ReplayHandler.Sse(Sse.Frame(Sse.ThreeTokenGenerate()), 3).CreateClient();
        List<string> texts = [];
        string? full = null;

        await foreach (GenerateStreamRawUpdate u in client.GenerateStreamingRawAsync("Hi"))
        {
            texts.Add(Encoding.UTF8.GetString(u.TextUtf8.Span));
            if (u.IsFinal)
            {
                full = Encoding.UTF8.GetString(u.GeneratedTextUtf8.Span);
            }
        }

        await Assert.That(texts).IsEquivalentTo(new[] { " The", " cat\n\"q\"", "</s>" });
        await Assert.That(full).IsEqualTo(" The cat\n\"q\"");
    }

    [Test]
    public async Task GenerateStreamingAsync_Tgi14Capture_ParsesDataWithoutSpace()
    {
        // TGI 1.4 wrote "data:<json>" with no space (API.md §4); the capture is raw wire bytes.
        string payload = await File.ReadAllTextAsync(SharedData.PathOrSkip("tgi/recordings/sk-hf-connector/textgeneration_test_stream_response.txt"));
        TgiClient client = ReplayHandler.Sse(payload, 113).CreateClient();

        List<GenerateStreamUpdate> updates = await Expect.ToListAsync(client.GenerateStreamingAsync("Write about the difference between Data Science and AI Engineering."));

        await Assert.That(updates.Count).IsEqualTo(150);
        await Assert.That(updates[^1].Details!.FinishReason).IsEqualTo(FinishReason.Length);
        await Assert.That(updates[^1].Details!.InputLength).IsNull();
        await Assert.That(updates[^1].GeneratedText).StartsWith("Write about the difference");
    }

    [Test]
    public async Task GenerateCompatStreamingAsync_SendsStreamTrueToRoot()
    {
        ReplayHandler handler = ReplayHandler.Sse(Sse.Frame(Sse.ThreeTokenGenerate()));
        TgiClient client = handler.CreateClient();

        List<GenerateStreamUpdate> updates = await Expect.ToListAsync(client.GenerateCompatStreamingAsync("Hi"));

        await Assert.That(updates.Count).IsEqualTo(3);
        await Assert.That(handler.Requests[0].Path).IsEqualTo("/");
        await Assert.That(handler.Requests[0].Body).IsEqualTo("{\"inputs\":\"Hi\",\"stream\":true}");
    }
}
