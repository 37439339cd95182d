// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Tgi.Generated.Models;
using Tgi.Generated.Tests.Infrastructure;

namespace Tgi.Generated.Tests;

public class ChatCompletionTests
{
    private const string Path = "/v1/chat/completions";

    // TGI: API.md §5.2. id is always "", one choice, EOS maps to "stop", logprobs sent as null.
    private const string TextBody = """
        {"object":"chat.completion","id":"","created":1741372335,"model":"meta-llama/Llama-3.1-8B-Instruct","system_fingerprint":"3.3.6-dev0-native","choices":[{"index":0,"message":{"role":"assistant","content":"Deep learning is a subset of machine learning."},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":53,"completion_tokens":12,"total_tokens":65}}
        """;

    // TGI: API.md §5.2. a tool call has no content key at all, id "0", arguments as compact JSON text (>= 3.2).
    private const string ToolCallBody = """
        {"object":"chat.completion","id":"","created":1741372400,"model":"meta-llama/Llama-3.1-8B-Instruct","system_fingerprint":"3.3.6-dev0-native","choices":[{"index":0,"message":{"role":"assistant","tool_calls":[{"id":"0","type":"function","function":{"description":null,"name":"get_current_weather","arguments":"{\"location\":\"Brooklyn, NY\",\"format\":\"fahrenheit\"}"}}]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":312,"completion_tokens":24,"total_tokens":336}}
        """;

    [Test]
    public async Task PostAsync_TextMessage_ReadsContentFinishReasonAndUsage()
    {
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(CannedRoute.Post(Path, TextBody));

        ChatCompletion? completion = await tgi.Client.V1.Chat.Completions.PostAsync(UserAsks("What is deep learning?"));

        ChatCompletionComplete? choice = completion?.Choices?.Single();
        await Assert.That(completion?.Object).IsEqualTo("chat.completion");
        await Assert.That(completion?.Id).IsEqualTo(string.Empty);
        await Assert.That(completion?.Created).IsEqualTo(1741372335L);
        await Assert.That(completion?.SystemFingerprint).IsEqualTo("3.3.6-dev0-native");
        await Assert.That(choice?.Message?.Role).IsEqualTo("assistant");
        await Assert.That(choice?.Message?.Content).IsEqualTo("Deep learning is a subset of machine learning.");
        await Assert.That(choice?.Message?.ToolCalls).IsNull();
        await Assert.That(choice?.FinishReason).IsEqualTo("stop");
        await Assert.That(choice?.Logprobs).IsNull();
        await Assert.That(completion?.Usage?.PromptTokens).IsEqualTo(53);
        await Assert.That(completion?.Usage?.TotalTokens).IsEqualTo(65);
    }

    [Test]
    public async Task PostAsync_ToolCallMessage_ReadsToolCallWithStringArguments()
    {
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(CannedRoute.Post(Path, ToolCallBody));

        ChatCompletion? completion = await tgi.Client.V1.Chat.Completions.PostAsync(UserAsks("Weather in Brooklyn?"));

        OutputMessage? message = completion?.Choices?.Single().Message;
        ToolCall? call = message?.ToolCalls?.Single();
        await Assert.That(message?.Content).IsNull();
        await Assert.That((call?.Id as UntypedString)?.GetValue()).IsEqualTo("0");
        await Assert.That(call?.Type).IsEqualTo("function");
        await Assert.That(call?.Function?.Name).IsEqualTo("get_current_weather");
        await Assert.That(call?.Function?.Description).IsNull();
        string? argumentsText = (call?.Function?.Arguments as UntypedString)?.GetValue();
        await Assert.That(argumentsText).IsEqualTo("{\"location\":\"Brooklyn, NY\",\"format\":\"fahrenheit\"}");
        using JsonDocument arguments = JsonDocument.Parse(argumentsText ?? "null");
        await Assert.That(arguments.RootElement.GetProperty("location").GetString()).IsEqualTo("Brooklyn, NY");
        // TGI: API.md §5.2. a tool call still finishes with "stop", never "tool_calls".
        await Assert.That(completion?.Choices?.Single().FinishReason).IsEqualTo("stop");
    }

    [Test]
    public async Task PostAsync_ToolsRequest_SendsOnlyWhatTheCallerSet()
    {
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(CannedRoute.Post(Path, ToolCallBody));
        ChatRequest request = UserAsks("Weather in Brooklyn?");
        request.Tools =
        [
            new Tool
            {
                Type = "function",
                Function = new FunctionDefinition
                {
                    Name = "get_current_weather",
                    Parameters = new UntypedObject(new Dictionary<string, UntypedNode>
                    {
                        ["type"] = new UntypedString("object"),
                        ["required"] = new UntypedArray([new UntypedString("location")]),
                    }),
                },
            },
        ];
        request.ToolChoice = new ToolChoice { String = "required" };

        await tgi.Client.V1.Chat.Completions.PostAsync(request);

        // TGI: API.md §5.1. no max_tokens, stream_options (null is a 422), presence_penalty or top_p unless asked for.
        using JsonDocument sent = JsonDocument.Parse(tgi.Requests.Single().Body);
        JsonElement root = sent.RootElement;
        string[] rootKeys = [.. root.EnumerateObject().Select(p => p.Name)];
        await Assert.That(rootKeys).IsEquivalentTo(["messages", "tools", "tool_choice"]);
        await Assert.That(root.GetProperty("tool_choice").GetString()).IsEqualTo("required");
        await Assert.That(root.GetProperty("messages")[0].GetProperty("content").GetString()).IsEqualTo("Weather in Brooklyn?");
        JsonElement function = root.GetProperty("tools")[0].GetProperty("function");
        string[] functionKeys = [.. function.EnumerateObject().Select(p => p.Name)];
        await Assert.That(functionKeys).IsEquivalentTo(["name", "parameters"]);
        await Assert.That(function.GetProperty("parameters").GetProperty("type").GetString()).IsEqualTo("object");
        await Assert.That(function.GetProperty("parameters").GetProperty("required")[0].GetString()).IsEqualTo("location");
    }

    [Test]
    public async Task PostAsync_ReplayedToolCallTurn_SendsToolCallsWithoutContent()
    {
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(CannedRoute.Post(Path, TextBody));
        ChatRequest request = UserAsks("Weather in Brooklyn?");
        request.Messages!.Add(new Message
        {
            Role = "assistant",
            ToolCalls =
            [
                new ToolCall
                {
                    Id = new UntypedString("0"),
                    Type = "function",
                    Function = new FunctionCall { Name = "get_current_weather", Arguments = new UntypedString("{\"location\":\"Brooklyn, NY\"}") },
                },
            ],
        });
        request.Messages.Add(new Message
        {
            Role = "tool",
            ToolCallId = "0",
            Content = new MessageContent
            {
                MessageChunk = [new MessageChunk { Type = MessageChunkType.Text, Text = "72F, sunny" }],
            },
        });

        await tgi.Client.V1.Chat.Completions.PostAsync(request);

        // TGI: API.md §5.1, §11 item 8. an assistant tool-call turn is replayed without a content key.
        using JsonDocument sent = JsonDocument.Parse(tgi.Requests.Single().Body);
        JsonElement assistant = sent.RootElement.GetProperty("messages")[1];
        string[] assistantKeys = [.. assistant.EnumerateObject().Select(p => p.Name)];
        await Assert.That(assistantKeys).IsEquivalentTo(["role", "tool_calls"]);
        await Assert.That(assistant.GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString())
            .IsEqualTo("{\"location\":\"Brooklyn, NY\"}");
        JsonElement toolPart = sent.RootElement.GetProperty("messages")[2].GetProperty("content")[0];
        await Assert.That(toolPart.GetProperty("type").GetString()).IsEqualTo("text");
        await Assert.That(toolPart.GetProperty("text").GetString()).IsEqualTo("72F, sunny");
    }

    [Test]
    public async Task PostAsync_WithLogprobs_ReadsTokenLogprobsIncludingNull()
    {
        // TGI: API.md §5.1. logprobs:{content:[{token,logprob,top_logprobs}]}, no bytes; a non-finite logprob is null.
        const string body = """
            {"object":"chat.completion","id":"","created":1741372500,"model":"meta-llama/Llama-3.1-8B-Instruct","system_fingerprint":"3.3.6-dev0-native","choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"logprobs":{"content":[{"token":"Hi","logprob":-0.25,"top_logprobs":[{"token":"Hi","logprob":-0.25},{"token":"Hello","logprob":-1.75}]},{"token":"<|eot_id|>","logprob":null,"top_logprobs":[]}]},"finish_reason":"stop_sequence"}],"usage":{"prompt_tokens":10,"completion_tokens":2,"total_tokens":12}}
            """;
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(CannedRoute.Post(Path, body));
        ChatRequest request = UserAsks("Say hi");
        request.Logprobs = true;
        request.TopLogprobs = 2;

        ChatCompletion? completion = await tgi.Client.V1.Chat.Completions.PostAsync(request);

        List<ChatCompletionLogprob>? content = completion?.Choices?.Single().Logprobs?.Content;
        await Assert.That(content?.Count).IsEqualTo(2);
        await Assert.That(content?[0].Logprob).IsEqualTo(-0.25f);
        await Assert.That(content?[0].TopLogprobs?[1].Token).IsEqualTo("Hello");
        await Assert.That(content?[1].Logprob).IsNull();
        // TGI: API.md §5.2. a stop sequence is reported as stop_sequence, not mapped to stop.
        await Assert.That(completion?.Choices?.Single().FinishReason).IsEqualTo("stop_sequence");
    }

    private static ChatRequest UserAsks(string text) => new()
    {
        Messages = [new Message { Role = "user", Content = new MessageContent { String = text } }],
    };
}
