// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Tgi.Generated;
using Tgi.Generated.Models;
using Tgi.Sdk.Benchmarks.Infrastructure;
using Tgi.Sdk.Benchmarks.Payloads;
using Tgi.Sdk.Benchmarks.Peers.OpenAi;
using OpenAiChat = OpenAI.Chat;
using SdkChat = Tgi.Sdk.Chat;
using SdkGenerate = Tgi.Sdk.Generate;

namespace Tgi.Sdk.Benchmarks.InMemory;

/// <summary>
/// Non-streaming calls on the same replayed bytes: the facade (TgiClient) against the raw Kiota-generated client it
/// wraps (the baseline), so the facade's own overhead is visible; the OpenAI SDK is a peer on the chat route.
/// Each operation is one call: request built and sent, 256-token response parsed, text read.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory(Categories.InMemory)]
public class NonStreamingBenchmarks
{
    private static readonly SdkGenerate.GenerateOptions s_generateOptions = new() { MaxNewTokens = ResponsePayloads.Tokens, Details = true };
    private static readonly SdkChat.ChatMessage[] s_messages = [SdkChat.ChatMessage.CreateUser("Hi")];
    private static readonly SdkChat.ChatCompletionOptions s_chatOptions = new() { MaxTokens = ResponsePayloads.Tokens };

    private HttpClient _generateHttp = null!;
    private HttpClient _chatHttp = null!;
    private TgiClient _tgiGenerate = null!;
    private TgiClient _tgiChat = null!;
    private TgiRawClient _rawGenerate = null!;
    private TgiRawClient _rawChat = null!;
    private OpenAiChat.ChatClient _openAi = null!;
    private int _expectedChars;

    [GlobalSetup]
    public void Setup()
    {
        _generateHttp = ReplayHandler.CreateClient(ResponsePayloads.Generate, eventStream: false);
        _chatHttp = ReplayHandler.CreateClient(ResponsePayloads.Chat, eventStream: false);
        _tgiGenerate = new TgiClient(_generateHttp);
        _tgiChat = new TgiClient(_chatHttp);
        _rawGenerate = CreateRaw(_generateHttp);
        _rawChat = CreateRaw(_chatHttp);
        _openAi = OpenAiPeer.CreateChatClient(_chatHttp, new Uri("http://127.0.0.1:8080/v1"));

        _expectedChars = 0;
        for (int i = 0; i < ResponsePayloads.Tokens; i++)
        {
            _expectedChars += TokenTextSource.Piece(i).Length;
        }

        StreamChecks.Expect("raw generate", RawGenerate().GetAwaiter().GetResult(), _expectedChars);
        StreamChecks.Expect("Tgi.Sdk generate", TgiGenerate().GetAwaiter().GetResult(), _expectedChars);
        StreamChecks.Expect("raw chat", RawChat().GetAwaiter().GetResult(), _expectedChars);
        StreamChecks.Expect("Tgi.Sdk chat", TgiChat().GetAwaiter().GetResult(), _expectedChars);
        StreamChecks.Expect("OpenAI SDK chat", OpenAiChat().GetAwaiter().GetResult(), _expectedChars);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _generateHttp.Dispose();
        _chatHttp.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw generated client (Kiota) /generate")]
    [BenchmarkCategory(Categories.Generate)]
    public async Task<int> RawGenerate()
    {
        var body = new GenerateRequest
        {
            Inputs = "Hi",
            Parameters = new GenerateParameters { MaxNewTokens = ResponsePayloads.Tokens, Details = true },
        };
        GenerateResponse? response = await _rawGenerate.Generate.PostAsync(body);
        return response?.GeneratedText?.Length ?? -1;
    }

    [Benchmark(Description = "Tgi.Sdk GenerateAsync")]
    [BenchmarkCategory(Categories.Generate)]
    public async Task<int> TgiGenerate()
    {
        TgiResult<SdkGenerate.GenerateResponse> result = await _tgiGenerate.GenerateAsync("Hi", s_generateOptions);
        return result.Value.GeneratedText.Length;
    }

    [Benchmark(Baseline = true, Description = "raw generated client (Kiota) chat")]
    [BenchmarkCategory(Categories.Chat)]
    public async Task<int> RawChat()
    {
        var body = new ChatRequest
        {
            Messages = [new Message { Role = "user", Content = new MessageContent { String = "Hi" } }],
            MaxTokens = ResponsePayloads.Tokens,
        };
        ChatCompletion? response = await _rawChat.V1.Chat.Completions.PostAsync(body);
        return response?.Choices is [var choice, ..] ? choice.Message?.Content?.Length ?? -1 : -1;
    }

    [Benchmark(Description = "Tgi.Sdk ChatAsync")]
    [BenchmarkCategory(Categories.Chat)]
    public async Task<int> TgiChat()
    {
        TgiResult<SdkChat.ChatCompletion> result = await _tgiChat.ChatAsync(s_messages, s_chatOptions);
        return result.Value.Content?.Length ?? -1;
    }

    [Benchmark(Description = "OpenAI SDK CompleteChatAsync")]
    [BenchmarkCategory(Categories.Chat)]
    public async Task<int> OpenAiChat()
    {
        System.ClientModel.ClientResult<OpenAiChat.ChatCompletion> result = await _openAi.CompleteChatAsync(OpenAiPeer.Messages);
        return result.Value.Content.Count > 0 ? result.Value.Content[0].Text.Length : -1;
    }

    private static TgiRawClient CreateRaw(HttpClient http) =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = "http://127.0.0.1:8080" });
}
