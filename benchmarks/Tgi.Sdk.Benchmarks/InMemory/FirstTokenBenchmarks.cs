// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenAI.Chat;
using Tgi.Sdk.Benchmarks.Clients;
using Tgi.Sdk.Benchmarks.Infrastructure;
using Tgi.Sdk.Benchmarks.Payloads;
using Tgi.Sdk.Benchmarks.Peers.Limit;
using Tgi.Sdk.Benchmarks.Peers.OpenAi;

namespace Tgi.Sdk.Benchmarks.InMemory;

/// <summary>
/// Time-to-first-token overhead: the client's own cost from sending the request, through the response headers, to
/// the first token handed to the caller, with the response replayed from memory so no server time is in it. The
/// limit sends the same request with HttpClient and stops at the first <c>\n\n</c>.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory(Categories.InMemory, Categories.FirstToken)]
public class FirstTokenBenchmarks
{
    private const int Tokens = 16;

    private readonly byte[] _buffer = new byte[FrameScanner.BufferSize];
    private HttpClient _generateHttp = null!;
    private HttpClient _chatHttp = null!;
    private TgiSdkRows _tgiGenerate = null!;
    private TgiSdkRows _tgiChat = null!;
    private ChatClient _openAi = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generateHttp = ReplayHandler.CreateClient(StreamPayloads.BuildGenerateStream(Tokens), eventStream: true);
        _chatHttp = ReplayHandler.CreateClient(StreamPayloads.BuildChatStream(Tokens), eventStream: true);
        _tgiGenerate = new TgiSdkRows(_generateHttp);
        _tgiChat = new TgiSdkRows(_chatHttp);
        _openAi = OpenAiPeer.CreateChatClient(_chatHttp, new Uri("http://127.0.0.1:8080/v1"));
        string first = TokenTextSource.Piece(0);
        StreamChecks.Expect("Tgi.Sdk generate", TgiGenerate().GetAwaiter().GetResult(), first.Length);
        StreamChecks.Expect("Tgi.Sdk chat", TgiChat().GetAwaiter().GetResult(), first.Length);
        StreamChecks.Expect("SseParser + records", RecordsGenerate().GetAwaiter().GetResult(), first.Length);
        StreamChecks.Expect("OpenAI SDK", OpenAiChat().GetAwaiter().GetResult(), first.Length);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _generateHttp.Dispose();
        _chatHttp.Dispose();
    }

    [Benchmark(Baseline = true, Description = "limit: HttpClient to first \\n\\n")]
    [BenchmarkCategory(Categories.GenerateStream)]
    public Task<int> LimitGenerate() => FirstTokenReaders.LimitAsync(_generateHttp, RawRequests.GeneratePath, RawRequests.GenerateBody, _buffer);

    [Benchmark(Description = "Tgi.Sdk GenerateStreamingAsync")]
    [BenchmarkCategory(Categories.GenerateStream)]
    public Task<int> TgiGenerate() => _tgiGenerate.GenerateFirstTokenAsync();

    [Benchmark(Description = "SseParser + STJ source-gen records")]
    [BenchmarkCategory(Categories.GenerateStream)]
    public Task<int> RecordsGenerate() => FirstTokenReaders.RecordsGenerateAsync(_generateHttp);

    [Benchmark(Baseline = true, Description = "limit: HttpClient to first \\n\\n")]
    [BenchmarkCategory(Categories.ChatStream)]
    public Task<int> LimitChat() => FirstTokenReaders.LimitAsync(_chatHttp, RawRequests.ChatPath, RawRequests.ChatBody, _buffer);

    [Benchmark(Description = "Tgi.Sdk ChatStreamingAsync")]
    [BenchmarkCategory(Categories.ChatStream)]
    public Task<int> TgiChat() => _tgiChat.ChatFirstTokenAsync();

    [Benchmark(Description = "OpenAI SDK CompleteChatStreamingAsync")]
    [BenchmarkCategory(Categories.ChatStream)]
    public Task<int> OpenAiChat() => FirstTokenReaders.OpenAiChatAsync(_openAi);
}
