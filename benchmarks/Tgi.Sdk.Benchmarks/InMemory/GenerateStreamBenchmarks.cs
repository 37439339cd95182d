// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using BenchmarkDotNet.Attributes;
using Tgi.Sdk.Benchmarks.Clients;
using Tgi.Sdk.Benchmarks.Infrastructure;
using Tgi.Sdk.Benchmarks.Payloads;
using Tgi.Sdk.Benchmarks.Peers.Kiota;
using Tgi.Sdk.Benchmarks.Peers.Limit;
using Tgi.Sdk.Benchmarks.Peers.Records;

namespace Tgi.Sdk.Benchmarks.InMemory;

/// <summary>
/// Per-token cost of reading a 10,000-token <c>/generate_stream</c> body held in memory. Every row reads a fresh stream
/// over the same bytes and reads each token's text; OperationsPerInvoke makes Mean ns/token and Allocated B/token.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory(Categories.InMemory, Categories.GenerateStream)]
public class GenerateStreamBenchmarks
{
    private const int Tokens = StreamPayloads.Tokens;

    private byte[] _body = [];
    private byte[] _buffer = [];
    private HttpClient _http = null!;
    private TgiSdkRows _tgi = null!;

    [GlobalSetup]
    public void Setup()
    {
        _body = StreamPayloads.GenerateStream;
        _buffer = new byte[FrameScanner.BufferSize];
        _http = ReplayHandler.CreateClient(_body, eventStream: true);
        _tgi = new TgiSdkRows(_http);
        StreamChecks.VerifyGenerateAsync(this).GetAwaiter().GetResult();
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

    [Benchmark(OperationsPerInvoke = Tokens, Description = "Tgi.Sdk GenerateStreamingAsync")]
    public Task<int> TgiSdk() => _tgi.GenerateAsync();

    [Benchmark(OperationsPerInvoke = Tokens, Description = "Tgi.Sdk raw mode (UTF-8 spans)")]
    public Task<int> TgiSdkRaw() => _tgi.GenerateRawAsync();

    [Benchmark(OperationsPerInvoke = Tokens, Description = "SseParser + STJ source-gen records")]
    public async Task<int> SseParserRecords()
    {
        int chars = 0;
        await foreach (GenerateStreamEvent ev in RecordsStreamReader.GenerateAsync(_http))
        {
            chars += ev.Token.Text.Length;
        }

        return chars;
    }

    [Benchmark(OperationsPerInvoke = Tokens, Description = "naive Kiota: JsonDocument + JsonParseNode")]
    public async Task<int> NaiveKiota()
    {
        int chars = 0;
        await foreach (KiotaStreamResponse ev in KiotaStreamReader.GenerateAsync(_http))
        {
            chars += ev.Token?.Text?.Length ?? 0;
        }

        return chars;
    }
}
