// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Text;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Streaming;

// Debug builds compile async state machines as classes (one allocation per async call) and use a 64-byte SSE
// buffer to stress growth, so allocations are only meaningful in Release: dotnet test -c Release.
#if DEBUG
[Skip("Allocation budgets are measured in Release builds (dotnet test -c Release).")]
#endif
public class AllocationTests
{
    private const int Tokens = 2000;

    [Test]
    public async Task GenerateStreamingRawAsync_InMemory_AllocatesNothingPerToken()
    {
        double perToken = await MeasureAsync(client => client.GenerateStreamingRawAsync("Hi"), GeneratePayload(), _ => { });

        Console.WriteLine($"raw: {perToken:0.00} B/token");
        await Assert.That(perToken).IsLessThan(1.0);
    }

    [Test]
    public async Task GenerateStreamingAsync_InMemory_TextNotRead_AllocatesOnlyArenaBytes()
    {
        double perToken = await MeasureAsync(client => client.GenerateStreamingAsync("Hi"), GeneratePayload(), _ => { });

        Console.WriteLine($"generate (text not read): {perToken:0.00} B/token");
        await Assert.That(perToken).IsLessThanOrEqualTo(8.0);
    }

    [Test]
    public async Task GenerateStreamingAsync_InMemory_RepeatedTextRead_CostsNoString()
    {
        int length = 0;
        double perToken = await MeasureAsync(client => client.GenerateStreamingAsync("Hi"), GeneratePayload(), u => length += u.Token.Text.Length);

        // A repeated token's string comes from the token text cache: reading it allocates nothing.
        Console.WriteLine($"generate (text read): {perToken:0.00} B/token");
        await Assert.That(length).IsGreaterThan(0);
        await Assert.That(perToken).IsLessThanOrEqualTo(8.0);
    }

    [Test]
    public async Task ChatStreamingAsync_InMemory_ContentNotRead_AllocatesOnlyArenaBytes()
    {
        double perToken = await MeasureAsync(client => client.ChatStreamingAsync([ChatMessage.CreateUser("Hi")]), ChatPayload(), _ => { });

        // The arena holds each content's UTF-8 bytes (7 B/token on average here).
        Console.WriteLine($"chat (content not read): {perToken:0.00} B/token");
        await Assert.That(perToken).IsLessThanOrEqualTo(12.0);
    }

    [Test]
    public async Task ChatStreamingAsync_InMemory_RepeatedContentRead_CostsNoString()
    {
        int length = 0;
        double perToken = await MeasureAsync(client => client.ChatStreamingAsync([ChatMessage.CreateUser("Hi")]), ChatPayload(), u => length += u.ContentDelta?.Length ?? 0);

        // A repeated content's string comes from the token text cache: reading it allocates nothing beyond the arena.
        Console.WriteLine($"chat (content read): {perToken:0.00} B/token");
        await Assert.That(length).IsGreaterThan(0);
        await Assert.That(perToken).IsLessThanOrEqualTo(12.0);
    }

    private static string ChatPayload()
    {
        StringBuilder payload = new();
        for (int i = 0; i < Tokens; i++)
        {
            payload.Append("data: ").Append(Sse.ChatChunk(i % 2 == 0 ? "\" tok\"" : "\" \\\"quoted\\\"\\n\"")).Append("\n\n");
        }

        payload.Append("data: ").Append(Sse.ChatChunk("\"\"", "stop")).Append("\n\ndata: [DONE]\n\n");
        return payload.ToString();
    }

    private static string GeneratePayload()
    {
        StringBuilder payload = new();
        for (int i = 1; i < Tokens; i++)
        {
            payload.Append("data: ").Append(Sse.Token(i, 100 + i, "\" tok\"")).Append("\n\n");
        }

        payload.Append("data: ").Append(Sse.Token(Tokens, 2, "\"</s>\"", "\"done\"", special: true)).Append("\n\n");
        return payload.ToString();
    }

    // Drives the enumerator synchronously over an in-memory body, so every allocation is on this thread.
    private static async Task<double> MeasureAsync<T>(Func<TgiClient, TgiStreamingResult<T>> start, string payload, Action<T> consume)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(payload);
        ReplayHandler handler = new(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new MemoryStream(bytes), 1 << 20) });
        TgiClient client = handler.CreateClient();
        int rounds = int.TryParse(Environment.GetEnvironmentVariable("TGI_MEASURE_ROUNDS"), out int r) ? r : 3;
        for (int round = 0; round < rounds; round++)
        {
            await using IAsyncEnumerator<T> e = start(client).GetAsyncEnumerator();
            await e.MoveNextAsync();
            long before = GC.GetAllocatedBytesForCurrentThread();
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            int count = 0;
            while (true)
            {
                ValueTask<bool> next = e.MoveNextAsync();
                if (!next.IsCompletedSuccessfully || !next.Result)
                {
                    break;
                }

                consume(e.Current);
                count++;
            }

            long after = GC.GetAllocatedBytesForCurrentThread();
            if (round == rounds - 1)
            {
                // Informational only (no timing assertions): the benchmarks own the speed targets.
                Console.WriteLine($"{System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalNanoseconds / count:0} ns/token (incl. consume)");
                return (after - before) / (double)count;
            }
        }

        return double.NaN;
    }
}
