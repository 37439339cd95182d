// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Microsoft.Extensions.AI;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Extensions.AI;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Extensions.AI.Tests;

public class TgiChatClientTests
{
    private static readonly string[] s_reply = ["Hello", " from", " TGI", "."];

    [Test]
    public async Task GetResponseAsync_Chat_MapsTextUsageFinishReasonAndRawRepresentation()
    {
        await using TgiEmulator tgi = await StartAsync();
        IChatClient client = new TgiClient(tgi.BaseAddress).AsIChatClient();

        ChatResponse response = await client.GetResponseAsync("Say hello");

        TgiResult<ChatCompletion> raw = (TgiResult<ChatCompletion>)response.RawRepresentation!;
        await Assert.That(response.Text).IsEqualTo("Hello from TGI.");
        await Assert.That(response.FinishReason).IsEqualTo(ChatFinishReason.Stop);
        await Assert.That(response.ModelId).IsEqualTo("m-chat");
        await Assert.That(response.Usage!.InputTokenCount).IsEqualTo(raw.Value.Usage!.PromptTokens);
        await Assert.That(response.Usage.OutputTokenCount).IsEqualTo(raw.Value.Usage.CompletionTokens);
        await Assert.That(response.Usage.TotalTokenCount).IsEqualTo(raw.Value.Usage.TotalTokens);
        await Assert.That(tgi.ReceivedRequests.Last().Path).IsEqualTo("/v1/chat/completions");
    }

    [Test]
    public async Task GetStreamingResponseAsync_Chat_StreamsTextUsageAndFinishReason()
    {
        await using TgiEmulator tgi = await StartAsync();
        IChatClient client = new TgiClient(tgi.BaseAddress).AsIChatClient();
        List<ChatResponseUpdate> updates = [];

        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync("Say hello"))
        {
            updates.Add(update);
        }

        ChatResponse combined = updates.ToChatResponse();
        await Assert.That(combined.Text).IsEqualTo("Hello from TGI.");
        await Assert.That(combined.FinishReason).IsEqualTo(ChatFinishReason.Stop);
        await Assert.That(combined.Usage!.OutputTokenCount > 0).IsTrue();
        await Assert.That(updates.Count(u => u.Text.Length > 0)).IsEqualTo(s_reply.Length);
        await Assert.That(updates[0].RawRepresentation).IsTypeOf<ChatCompletionUpdate>();
    }

    [Test]
    public async Task GetResponseAsync_MaxTokens_MapsLengthFinishReason()
    {
        await using TgiEmulator tgi = await StartAsync();
        IChatClient client = new TgiClient(tgi.BaseAddress).AsIChatClient();

        ChatResponse response = await client.GetResponseAsync("Say hello", new ChatOptions { MaxOutputTokens = 2 });

        await Assert.That(response.Text).IsEqualTo("Hello from");
        await Assert.That(response.FinishReason).IsEqualTo(ChatFinishReason.Length);
    }

    [Test]
    public async Task GetResponseAsync_JsonSchemaResponseFormat_SendsTgiGrammarShape()
    {
        await using TgiEmulator tgi = await StartAsync();
        IChatClient client = new TgiClient(tgi.BaseAddress).AsIChatClient();
        JsonElement schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""").RootElement;

        await client.GetResponseAsync("Where?", new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "place") });

        using JsonDocument body = JsonDocument.Parse(tgi.ReceivedRequests.Last().Body);
        JsonElement format = body.RootElement.GetProperty("response_format");
        await Assert.That(format.GetProperty("type").GetString()).IsEqualTo("json");
        await Assert.That(format.GetProperty("value").GetProperty("required")[0].GetString()).IsEqualTo("city");
    }

    [Test]
    public async Task GetResponseAsync_JsonWithoutSchema_ThrowsBecauseTgiHasNoSchemaFreeJson()
    {
        await using TgiEmulator tgi = await StartAsync();
        IChatClient client = new TgiClient(tgi.BaseAddress).AsIChatClient();

        NotSupportedException? error = await Assert.That(async () => await client.GetResponseAsync("x", new ChatOptions { ResponseFormat = ChatResponseFormat.Json }))
            .Throws<NotSupportedException>();

        await Assert.That(error!.Message).Contains("no schema-free JSON mode");
        await Assert.That(tgi.ReceivedRequests.Count).IsEqualTo(0);
    }

    [Test]
    public async Task GetResponseAsync_TgiOnlyChatOptions_TravelInAdditionalProperties()
    {
        await using TgiEmulator tgi = await StartAsync();
        IChatClient client = new TgiClient(tgi.BaseAddress).AsIChatClient();
        ChatOptions options = new()
        {
            AdditionalProperties = new()
            {
                [TgiChatOptionKeys.Grammar] = TgiGrammar.Regex("[A-Z][a-z]+"),
                [TgiChatOptionKeys.AdapterId] = "lora-x",
                [TgiChatOptionKeys.RepetitionPenalty] = 1.25,
            },
        };

        await client.GetResponseAsync("Name a city", options);

        using JsonDocument body = JsonDocument.Parse(tgi.ReceivedRequests.Last().Body);
        JsonElement root = body.RootElement;
        await Assert.That(root.GetProperty("response_format").GetProperty("type").GetString()).IsEqualTo("regex");
        await Assert.That(root.GetProperty("model").GetString()).IsEqualTo("lora-x");
        await Assert.That(root.GetProperty("presence_penalty").GetSingle()).IsEqualTo(-0.75f);
    }

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task Response_GenerateOnlyOptionsOnOnePrompt_GoToGenerateWithDetails(bool streaming)
    {
        await using TgiEmulator tgi = await StartAsync();
        IChatClient client = new TgiClient(tgi.BaseAddress).AsIChatClient();
        ChatOptions options = new() { TopK = 3, AdditionalProperties = new() { [TgiChatOptionKeys.Details] = true } };

        ChatResponse response = streaming
            ? await client.GetStreamingResponseAsync("Once upon a time", options).ToChatResponseAsync()
            : await client.GetResponseAsync("Once upon a time", options);

        TgiRecordedRequest sent = tgi.ReceivedRequests.Last();
        using JsonDocument body = JsonDocument.Parse(sent.Body);
        await Assert.That(sent.Path).IsEqualTo(streaming ? "/generate_stream" : "/generate");
        await Assert.That(body.RootElement.GetProperty("inputs").GetString()).IsEqualTo("Once upon a time");
        await Assert.That(body.RootElement.GetProperty("parameters").GetProperty("top_k").GetInt32()).IsEqualTo(3);
        await Assert.That(response.Text).IsEqualTo("Hello from TGI.");
        await Assert.That(response.FinishReason).IsEqualTo(ChatFinishReason.Stop);
        await Assert.That(response.Usage!.OutputTokenCount > 0).IsTrue();
        if (!streaming)
        {
            await Assert.That(((TgiResult<GenerateResponse>)response.RawRepresentation!).Value.Details).IsNotNull();
        }
    }

    [Test]
    public async Task GetResponseAsync_GenerateOnlyOptionOnAConversation_ThrowsNamingIt()
    {
        await using TgiEmulator tgi = await StartAsync();
        IChatClient client = new TgiClient(tgi.BaseAddress).AsIChatClient();
        Microsoft.Extensions.AI.ChatMessage[] conversation = [new(Microsoft.Extensions.AI.ChatRole.System, "Be brief."), new(Microsoft.Extensions.AI.ChatRole.User, "Hi")];

        NotSupportedException? error = await Assert.That(async () => await client.GetResponseAsync(conversation, new ChatOptions { TopK = 3 }))
            .Throws<NotSupportedException>();

        await Assert.That(error!.Message).StartsWith("TopK exist only on TGI's /generate");
        await Assert.That(tgi.ReceivedRequests.Count).IsEqualTo(0);
    }

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task Response_ModelWithoutChatTemplate_SaysSoClearly(bool streaming)
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { HasChatTemplate = false });
        IChatClient client = new TgiClient(tgi.BaseAddress).AsIChatClient();

        TgiException? error = await Assert.That(async () => _ = streaming
            ? await client.GetStreamingResponseAsync("Hi").ToChatResponseAsync()
            : await client.GetResponseAsync("Hi")).Throws<TgiException>();

        await Assert.That(error!.Message).StartsWith($"The model at {tgi.BaseAddress} has no chat template");
        await Assert.That(error.Status).IsEqualTo(422);
        await Assert.That(error.ErrorType).IsEqualTo(TgiErrorType.TemplateError);
    }

    [Test]
    public async Task GetService_ReturnsTgiClientMetadataAndSelf()
    {
        TgiClient tgiClient = new(new Uri("http://127.0.0.1:9/"));
        IChatClient client = tgiClient.AsIChatClient("m-default");

        ChatClientMetadata? metadata = client.GetService<ChatClientMetadata>();

        await Assert.That(client.GetService<TgiClient>()).IsSameReferenceAs(tgiClient);
        await Assert.That(client.GetService<IChatClient>()).IsSameReferenceAs(client);
        await Assert.That(metadata!.ProviderName).IsEqualTo("tgi");
        await Assert.That(metadata.ProviderUri).IsEqualTo(tgiClient.Endpoint);
        await Assert.That(metadata.DefaultModelId).IsEqualTo("m-default");
        await Assert.That(client.GetService(typeof(TgiClient), "key")).IsNull();
        await Assert.That(client.GetService<string>()).IsNull();
    }

    [Test]
    [Arguments("stop", false, "stop")]
    [Arguments("eos_token", false, "stop")]
    [Arguments("stop_sequence", false, "stop")]
    [Arguments("length", false, "length")]
    [Arguments("tool_calls", false, "tool_calls")]
    [Arguments("stop", true, "tool_calls")]
    [Arguments("something_new", false, "something_new")]
    public async Task MapFinishReason_EveryTgiValue_MapsWithoutThrowing(string tgiValue, bool hasToolCalls, string expected)
    {
        ChatFinishReason? mapped = TgiResponseMapper.MapFinishReason(new FinishReason(tgiValue), hasToolCalls);

        await Assert.That(mapped?.Value).IsEqualTo(expected);
    }

    [Test]
    public async Task MapFinishReason_EmptyOrMissing_IsNull()
    {
        await Assert.That(TgiResponseMapper.MapFinishReason(FinishReason.Empty, hasToolCalls: false)).IsNull();
        await Assert.That(TgiResponseMapper.MapFinishReason(null, hasToolCalls: false)).IsNull();
    }

    private static Task<TgiEmulator> StartAsync() =>
        TgiEmulator.StartAsync(new TgiEmulatorOptions { ModelId = "m-chat", Generator = TgiGenerator.Scripted(s_reply) });
}
