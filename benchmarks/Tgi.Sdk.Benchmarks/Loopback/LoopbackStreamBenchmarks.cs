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
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Benchmarks.Loopback;

/// <summary>
/// End to end over loopback HTTP: the emulator on Kestrel streams 10,000 tokens as fast as it can, flushing after
/// every event or in bulk. Every row uses the same HttpClient (same connection type and pool); the limit only counts
/// <c>\n\n</c>. Mean is ns/token, so Tokens/s and the share of the limit read directly.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[BenchmarkCategory(Categories.Loopback)]
public class LoopbackStreamBenchmarks
{
    public const string PerEvent = "per event";
    public const string Bulk = "bulk";

    private const int Tokens = StreamPayloads.Tokens;

    private readonly byte[] _buffer = new byte[FrameScanner.BufferSize];
    private TgiEmulator _emulator = null!;
    private HttpClient _http = null!;
    private TgiSdkRows _tgi = null!;
    private ChatClient _openAi = null!;

    /// <summary>One flush per SSE event (what TGI does), or bulk writes (the emulator flushes every 1,000 events).</summary>
    [Params(PerEvent, Bulk)]
    public string Flush { get; set; } = PerEvent;

    [GlobalSetup]
    public void Setup()
    {
        _emulator = EmulatorSetup.StartAsync(Tokens, Flush == Bulk ? 1000 : 1).GetAwaiter().GetResult();
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _emulator.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        _tgi = new TgiSdkRows(_http);
        _openAi = OpenAiPeer.CreateChatClient(_http, new Uri(_emulator.BaseAddress, "v1"));

        StreamChecks.Expect("limit generate", LimitGenerate().GetAwaiter().GetResult(), Tokens);
        StreamChecks.Expect("Tgi.Sdk generate", TgiGenerate().GetAwaiter().GetResult(), StreamChecks.GenerateChars);
        StreamChecks.Expect("limit chat", LimitChat().GetAwaiter().GetResult(), Tokens + 2);
        StreamChecks.Expect("Tgi.Sdk chat", TgiChat().GetAwaiter().GetResult(), StreamChecks.ChatChars);
        StreamChecks.Expect("OpenAI SDK", OpenAiChat().GetAwaiter().GetResult(), StreamChecks.ChatChars);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Tokens, Description = "limit: HttpClient, scan for \\n\\n")]
    [BenchmarkCategory(Categories.GenerateStream)]
    public Task<int> LimitGenerate() => ScanAsync(RawRequests.GeneratePath, RawRequests.GenerateBody);

    [Benchmark(OperationsPerInvoke = Tokens, Description = "Tgi.Sdk GenerateStreamingAsync")]
    [BenchmarkCategory(Categories.GenerateStream)]
    public Task<int> TgiGenerate() => _tgi.GenerateAsync();

    [Benchmark(OperationsPerInvoke = Tokens, Description = "Tgi.Sdk raw mode (UTF-8 spans)")]
    [BenchmarkCategory(Categories.GenerateStream)]
    public Task<int> TgiGenerateRaw() => _tgi.GenerateRawAsync();

    [Benchmark(Baseline = true, OperationsPerInvoke = Tokens, Description = "limit: HttpClient, scan for \\n\\n")]
    [BenchmarkCategory(Categories.ChatStream)]
    public Task<int> LimitChat() => ScanAsync(RawRequests.ChatPath, RawRequests.ChatBody);

    [Benchmark(OperationsPerInvoke = Tokens, Description = "Tgi.Sdk ChatStreamingAsync")]
    [BenchmarkCategory(Categories.ChatStream)]
    public Task<int> TgiChat() => _tgi.ChatAsync();

    [Benchmark(OperationsPerInvoke = Tokens, Description = "OpenAI SDK CompleteChatStreamingAsync")]
    [BenchmarkCategory(Categories.ChatStream)]
    public Task<int> OpenAiChat() => OpenAiPeer.StreamChatAsync(_openAi);

    private async Task<int> ScanAsync(string path, string body)
    {
        using HttpResponseMessage response = await RawRequests.PostAsync(_http, path, body);
        using Stream stream = await response.Content.ReadAsStreamAsync();
        return await FrameScanner.CountEventsAsync(stream, _buffer);
    }
}
