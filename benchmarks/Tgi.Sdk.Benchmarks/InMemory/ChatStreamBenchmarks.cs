// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using BenchmarkDotNet.Attributes;
using OpenAI.Chat;
using Tgi.Sdk.Benchmarks.Clients;
using Tgi.Sdk.Benchmarks.Infrastructure;
using Tgi.Sdk.Benchmarks.Payloads;
using Tgi.Sdk.Benchmarks.Peers.Kiota;
using Tgi.Sdk.Benchmarks.Peers.Limit;
using Tgi.Sdk.Benchmarks.Peers.OpenAi;
using Tgi.Sdk.Benchmarks.Peers.Records;

namespace Tgi.Sdk.Benchmarks.InMemory;

/// <summary>
/// Per-token cost of reading a 10,000-token chat completion stream (<c>[DONE]</c>-terminated) held in memory. Every
/// row reads a fresh stream over the same bytes and reads each token's text; Mean is ns/token, Allocated B/token.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.InMemory, Categories.ChatStream)]
public class ChatStreamBenchmarks
{
    private const int Tokens = StreamPayloads.Tokens;

    private byte[] _body = [];
    private byte[] _buffer = [];
    private HttpClient _http = null!;
    private TgiSdkRows _tgi = null!;
    private ChatClient _openAi = null!;

    [GlobalSetup]
    public void Setup()
    {
        _body = StreamPayloads.ChatStream;
        _buffer = new byte[FrameScanner.BufferSize];
        _http = ReplayHandler.CreateClient(_body, eventStream: true);
        _tgi = new TgiSdkRows(_http);
        _openAi = OpenAiPeer.CreateChatClient(_http, new Uri("http://127.0.0.1:8080/v1"));
        StreamChecks.VerifyChatAsync(this).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Tokens, Description = "limit: scan for \\n\\n")]
    public async Task<int> Limit()
    {
        using var stream = new MemoryStream(_body, writable: false);
        return await FrameScanner.CountEventsAsync(stream, _buffer);
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "Tgi.Sdk ChatStreamingAsync")]
    public Task<int> TgiSdk() => _tgi.ChatAsync();

    [Benchmark(OperationsPerInvoke = Tokens, Description = "SseParser + STJ source-gen records")]
    public async Task<int> SseParserRecords()
    {
        int chars = 0;
        await foreach (ChatChunkRecord chunk in RecordsStreamReader.ChatAsync(_http))
        {
            if (chunk.Choices.Count > 0)
            {
                chars += chunk.Choices[0].Delta.Content?.Length ?? 0;
            }
        }

        return chars;
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "naive Kiota: JsonDocument + JsonParseNode")]
    public async Task<int> NaiveKiota()
    {
        int chars = 0;
        await foreach (KiotaChatCompletionChunk chunk in KiotaStreamReader.ChatAsync(_http))
        {
            if (chunk.Choices is [var choice, ..])
            {
                chars += choice.Delta?.Content?.Length ?? 0;
            }
        }

        return chars;
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "OpenAI SDK CompleteChatStreamingAsync")]
    public Task<int> OpenAiSdk() => OpenAiPeer.StreamChatAsync(_openAi);
}
