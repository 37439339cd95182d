// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using System.Runtime.CompilerServices;
using OpenAI.Chat;
using Tgi.Sdk.Benchmarks.Clients;
using Tgi.Sdk.Benchmarks.Infrastructure;
using Tgi.Sdk.Benchmarks.Payloads;
using Tgi.Sdk.Benchmarks.Peers.Limit;
using Tgi.Sdk.Benchmarks.Peers.OpenAi;

namespace Tgi.Sdk.Benchmarks.InMemory;

/// <summary>
/// Time-to-first-token overhead, split exactly where the issue draws the line: the replay handler stamps the moment it
/// hands back the response (status and headers), and the caller stamps the moment the first token is in its hands.
/// BenchmarkDotNet cannot time half an operation, so this runs as its own loop (<c>--mode ttft</c>); the whole call
/// (request included) is in <see cref="FirstTokenBenchmarks"/>.
/// </summary>
internal static class HeadersToFirstToken
{
    public static async Task<IReadOnlyList<HeadersToFirstTokenRow>> RunAsync(BenchOptions options)
    {
        int iterations = options.Quick ? 200 : 20_000;
        var generate = new ReplayHandler(StreamPayloads.BuildGenerateStream(16), eventStream: true);
        var chat = new ReplayHandler(StreamPayloads.BuildChatStream(16), eventStream: true);
        using var generateHttp = new HttpClient(generate) { BaseAddress = new Uri("http://127.0.0.1:8080/") };
        using var chatHttp = new HttpClient(chat) { BaseAddress = new Uri("http://127.0.0.1:8080/") };
        var tgiGenerate = new TgiSdkRows(generateHttp);
        var tgiChat = new TgiSdkRows(chatHttp);
        ChatClient openAi = OpenAiPeer.CreateChatClient(chatHttp, new Uri("http://127.0.0.1:8080/v1"));
        byte[] buffer = new byte[FrameScanner.BufferSize];
        var at = new StrongBox<long>();

        (string Kind, string Name, bool IsLimit, ReplayHandler Handler, Func<Task<int>> FirstToken)[] rows =
        [
            (Categories.GenerateStream, "limit: HttpClient to first \\n\\n", true, generate,
                () => FirstTokenReaders.LimitAsync(generateHttp, RawRequests.GeneratePath, RawRequests.GenerateBody, buffer, at)),
            (Categories.GenerateStream, "Tgi.Sdk GenerateStreamingAsync", false, generate, () => tgiGenerate.GenerateFirstTokenAsync(at)),
            (Categories.GenerateStream, "SseParser + STJ source-gen records", false, generate, () => FirstTokenReaders.RecordsGenerateAsync(generateHttp, at)),
            (Categories.ChatStream, "limit: HttpClient to first \\n\\n", true, chat,
                () => FirstTokenReaders.LimitAsync(chatHttp, RawRequests.ChatPath, RawRequests.ChatBody, buffer, at)),
            (Categories.ChatStream, "Tgi.Sdk ChatStreamingAsync", false, chat, () => tgiChat.ChatFirstTokenAsync(at)),
            (Categories.ChatStream, "OpenAI SDK CompleteChatStreamingAsync", false, chat, () => FirstTokenReaders.OpenAiChatAsync(openAi, at)),
        ];

        var results = new List<HeadersToFirstTokenRow>();
        foreach ((string kind, string name, bool isLimit, ReplayHandler handler, Func<Task<int>> firstToken) in rows)
        {
            var samples = new double[iterations];
            for (int i = -iterations / 10; i < iterations; i++)
            {
                if (await firstToken() < 0)
                {
                    throw new InvalidOperationException($"{name} returned no first token.");
                }

                if (i >= 0)
                {
                    // Raw ticks: TimeSpan would round to 100 ns.
                    samples[i] = (at.Value - handler.LastResponseTimestamp) * 1e9 / Stopwatch.Frequency;
                }
            }

            Array.Sort(samples);
            var row = new HeadersToFirstTokenRow(kind, name, isLimit, samples[iterations / 2], samples[iterations * 9 / 10]);
            results.Add(row);
            Console.WriteLine($"// Headers to first token: {kind}: {name}: median {row.MedianNs:N0} ns, p90 {row.P90Ns:N0} ns");
        }

        return results;
    }
}
