// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Generate;
using Tgi.Sdk.Testing;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Emulator;

public class GenerateLoopbackTests
{
    [Test]
    [Arguments(TgiWireVersion.V2_0)]
    [Arguments(TgiWireVersion.V2_4)]
    [Arguments(TgiWireVersion.V3_3)]
    public async Task GenerateStreamingAsync_EveryWireVersion_YieldsTokensAndFinalDetails(TgiWireVersion version)
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { WireVersion = version, Generator = TgiGenerator.Scripted(" The", " cat", " sat") });

        TgiStreamingResult<GenerateStreamUpdate> stream = tgi.Client.GenerateStreamingAsync("Tell me", new GenerateOptions { Details = true, MaxNewTokens = 10 });
        List<GenerateStreamUpdate> updates = await Expect.ToListAsync(stream);

        await Assert.That(string.Concat(updates.Where(u => !u.Token.IsSpecial).Select(u => u.Token.Text))).IsEqualTo(" The cat sat");
        await Assert.That(updates[0].Index).IsEqualTo(1);
        await Assert.That(updates[^1].IsFinal).IsTrue();
        await Assert.That(updates[^1].GeneratedText).IsEqualTo(" The cat sat");
        await Assert.That(updates[^1].Details!.FinishReason).IsEqualTo(FinishReason.EosToken);
        await Assert.That(updates[^1].Details!.GeneratedTokens).IsEqualTo(4);
        await Assert.That(stream.GetRawResponse().Status).IsEqualTo(200);
        await Assert.That(stream.GetRawResponse().ComputeType).IsEqualTo("gpu+optimized");
    }

    [Test]
    public async Task GenerateAsync_Details_ReturnsTokensAndTimingHeaders()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted(" a", " b") });

        TgiResult<GenerateResponse> result = await tgi.Client.GenerateAsync("Hi", new GenerateOptions { Details = true, TopNTokens = 2, MaxNewTokens = 5 });

        await Assert.That(result.Value.GeneratedText).IsEqualTo(" a b");
        await Assert.That(result.Value.Details!.Tokens.Count).IsEqualTo(3);
        await Assert.That(result.Value.Details!.FinishReason).IsEqualTo(FinishReason.EosToken);
        TgiRawResponse raw = result.GetRawResponse();
        await Assert.That(raw.GeneratedTokens).IsEqualTo(3);
        await Assert.That(raw.PromptTokens).IsNotNull();
        await Assert.That(raw.TotalTime).IsNotNull();
        await Assert.That(raw.QueueTime).IsNotNull();
        await Assert.That(raw.InferenceTime).IsNotNull();
        await Assert.That(raw.ValidationTime).IsNotNull();
        await Assert.That(raw.TimePerToken).IsNotNull();
        await Assert.That(raw.ComputeTime).IsNotNull();
    }

    [Test]
    public async Task GenerateAsync_MaxNewTokens_FinishesWithLength()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" x", 20) });

        TgiResult<GenerateResponse> result = await tgi.Client.GenerateAsync("Hi", new GenerateOptions { Details = true, MaxNewTokens = 3 });

        await Assert.That(result.Value.Details!.FinishReason).IsEqualTo(FinishReason.Length);
        await Assert.That(result.Value.Details!.GeneratedTokens).IsEqualTo(3);
    }

    [Test]
    public async Task GenerateAsync_EveryOption_EmulatorReceivesExactJson()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted(" a") });
        GenerateOptions options = new()
        {
            Temperature = 0.5f,
            RepetitionPenalty = 1.2f,
            FrequencyPenalty = 0.1f,
            TopK = 10,
            TopP = 0.9f,
            TypicalP = 0.95f,
            DoSample = true,
            MaxNewTokens = 20,
            ReturnFullText = false,
            Truncate = 100,
            Watermark = true,
            Details = true,
            DecoderInputDetails = true,
            Seed = 42,
            TopNTokens = 3,
            Grammar = TgiGrammar.Regex("[a-z ]+"),
            AdapterId = "lora-1",
        };
        options.StopSequences.Add("zz");

        await tgi.Client.GenerateAsync("Hello", options);

        TgiRecordedRequest request = tgi.Emulator.ReceivedRequests.Single(r => r.Path == "/generate");
        await Assert.That(request.Body).IsEqualTo(
            "{\"inputs\":\"Hello\",\"parameters\":{\"adapter_id\":\"lora-1\",\"decoder_input_details\":true,\"details\":true,"
            + "\"do_sample\":true,\"frequency_penalty\":0.1,\"grammar\":{\"type\":\"regex\",\"value\":\"[a-z ]+\"},\"max_new_tokens\":20,"
            + "\"repetition_penalty\":1.2,\"return_full_text\":false,\"seed\":42,\"stop\":[\"zz\"],\"temperature\":0.5,\"top_k\":10,"
            + "\"top_n_tokens\":3,\"top_p\":0.9,\"truncate\":100,\"typical_p\":0.95,\"watermark\":true}}");
    }

    [Test]
    public async Task GenerateAsync_BestOf_ReturnsBestOfSequences()
    {
        await using Loopback tgi = await Loopback.StartAsync();

        TgiResult<GenerateResponse> result = await tgi.Client.GenerateAsync("Hi", new GenerateOptions { BestOf = 2, DoSample = true, Details = true, MaxNewTokens = 4 });

        await Assert.That(result.Value.Details!.BestOfSequences.Count).IsEqualTo(1);
    }

    [Test]
    public async Task GenerateAsync_ValidationError_IsTyped422()
    {
        await using Loopback tgi = await Loopback.StartAsync();

        TgiException ex = await Expect.TgiExceptionAsync(() => tgi.Client.GenerateAsync("Hi", new GenerateOptions { Temperature = -1 }));

        await Assert.That(ex.Status).IsEqualTo(422);
        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Validation);
        await Assert.That(ex.ErrorMessage).Contains("temperature");
    }

    [Test]
    public async Task GenerateStreamingAsync_ValidationError_ArrivesInBandAndIsThrown()
    {
        await using Loopback tgi = await Loopback.StartAsync();

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(tgi.Client.GenerateStreamingAsync("Hi", new GenerateOptions { BestOf = 2 })));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Validation);
        await Assert.That(ex.Status).IsEqualTo(422);
    }

    [Test]
    public async Task GenerateCompatAsync_BothModes_Work()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted(" ok") });

        GenerateResponse single = (await tgi.Client.GenerateCompatAsync("Hi", new GenerateOptions { ReturnFullText = false })).Value;
        List<GenerateStreamUpdate> streamed = await Expect.ToListAsync(tgi.Client.GenerateCompatStreamingAsync("Hi"));

        await Assert.That(single.GeneratedText).IsEqualTo(" ok");
        await Assert.That(streamed[^1].IsFinal).IsTrue();
        await Assert.That(tgi.Emulator.ReceivedRequests.Count(r => r.Path == "/")).IsEqualTo(2);
    }

    [Test]
    public async Task GenerateStreamingRawAsync_AgainstEmulator_YieldsUtf8()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted(" é", " ü") });
        System.Text.StringBuilder text = new();

        await foreach (GenerateStreamRawUpdate u in tgi.Client.GenerateStreamingRawAsync("Hi"))
        {
            if (!u.IsSpecial)
            {
                text.Append(System.Text.Encoding.UTF8.GetString(u.TextUtf8.Span));
            }
        }

        await Assert.That(text.ToString()).IsEqualTo(" é ü");
    }

    [Test]
    public async Task GenerateAsync_ApiKey_IsSentAsBearer()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { ApiKey = "k", Generator = TgiGenerator.Scripted(" a") });

        await tgi.Client.GenerateAsync("Hi");

        await Assert.That(tgi.Emulator.ReceivedRequests[^1].Headers["Authorization"]).IsEqualTo("Bearer k");
    }

    [Test]
    public async Task GenerateAsync_WrongApiKey_IsEmpty401()
    {
        await using Loopback tgi = await Loopback.StartAsync(new TgiEmulatorOptions { ApiKey = "k" }, new TgiClientOptions { ApiKey = "wrong" });

        TgiException ex = await Expect.TgiExceptionAsync(() => tgi.Client.GenerateAsync("Hi"));

        await Assert.That(ex.Status).IsEqualTo(401);
        await Assert.That(ex.RawResponseBody).IsNull();
    }
}
