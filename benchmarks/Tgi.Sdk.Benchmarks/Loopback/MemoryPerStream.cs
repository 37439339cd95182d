// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Benchmarks.Infrastructure;
using Tgi.Sdk.Benchmarks.Peers.Limit;
using Tgi.Sdk.Benchmarks.Peers.OpenAi;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using OpenAiChatClient = OpenAI.Chat.ChatClient;
using OpenAiUpdate = OpenAI.Chat.StreamingChatCompletionUpdate;

namespace Tgi.Sdk.Benchmarks.Loopback;

/// <summary>
/// Memory per open stream: N streams open at once over loopback against an emulator in another process that goes
/// silent after the first token, so each client holds its stream exactly as it would while a slow model thinks.
/// Live managed heap is read (after a full GC) with every stream open, against the same reading before.
/// </summary>
internal static class MemoryPerStream
{
    private static readonly GenerateOptions s_generateOptions = new() { MaxNewTokens = 64 };
    private static readonly ChatMessage[] s_messages = [ChatMessage.CreateUser("Hi")];
    private static readonly ChatCompletionOptions s_chatOptions = new() { MaxTokens = 64 };

    public static async Task<MemoryPerStreamResult> RunAsync(BenchOptions options)
    {
        // The quick run checks that this works, not how much it costs.
        int streams = options.Quick ? Math.Min(options.Streams, 50) : options.Streams;
        await using EmulatorProcess server = await EmulatorProcess.StartAsync();
        Uri baseAddress = server.BaseAddress;
        Console.WriteLine($"// Memory per open stream: {streams} concurrent streams against {baseAddress}");

        var rows = new List<MemoryPerStreamRow>();
        int failures = 0;
        (string Name, bool IsLimit, Func<HttpClient, Func<OpenStreams, Task>> Create)[] kinds =
        [
            ("limit: HttpClient response held open", true, http => s => HoldLimitAsync(http, s)),
            ("Tgi.Sdk GenerateStreamingAsync", false, http => HoldTgiGenerate(new TgiClient(http))),
            ("Tgi.Sdk raw mode (generate)", false, http => HoldTgiGenerateRaw(new TgiClient(http))),
            ("Tgi.Sdk ChatStreamingAsync", false, http => HoldTgiChat(new TgiClient(http))),
            ("OpenAI SDK CompleteChatStreamingAsync", false, http => HoldOpenAi(OpenAiPeer.CreateChatClient(http, new Uri(baseAddress, "v1")))),
        ];

        foreach ((string name, bool isLimit, Func<HttpClient, Func<OpenStreams, Task>> create) in kinds)
        {
            try
            {
                MemoryPerStreamRow row = await MeasureAsync(name, isLimit, baseAddress, create, streams, options.HoldSeconds);
                rows.Add(row);
                Console.WriteLine($"//   {name}: {row.HeapBytesPerStream / 1024:N2} KiB heap, {row.AllocatedBytesPerStream / 1024:N2} KiB allocated per open stream");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures++;
                Console.Error.WriteLine($"// Memory per open stream: {name} failed: {ex}");
            }
        }

        return new MemoryPerStreamResult(streams, rows, failures);
    }

    private static async Task<MemoryPerStreamRow> MeasureAsync(
        string name, bool isLimit, Uri baseAddress, Func<HttpClient, Func<OpenStreams, Task>> create, int streams, double holdSeconds)
    {
        // A fresh pool per client, so one client's connections are not counted against another.
        using var http = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 })
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Func<OpenStreams, Task> hold = create(http);

        // One stream first: JIT, static caches and the client's lazy state are not per-stream costs.
        using (var warm = new OpenStreams(1))
        {
            Task one = hold(warm);
            await warm.AllOpen.WaitAsync(TimeSpan.FromSeconds(30));
            warm.Release();
            await one;
        }

        long heapBefore = SettledHeap();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var open = new OpenStreams(streams);
        var tasks = new Task[streams];
        for (int i = 0; i < streams; i++)
        {
            tasks[i] = hold(open);
        }

        await open.AllOpen.WaitAsync(TimeSpan.FromSeconds(120));
        long allocatedAfter = GC.GetTotalAllocatedBytes(precise: true);
        long heapAfter = SettledHeap();
        if (holdSeconds > 0)
        {
            // Time to take a heap dump of this process (dotnet-gcdump collect -p PID) with every stream open.
            Console.WriteLine($"//   holding {streams} open streams of {name} for {holdSeconds} s (pid {Environment.ProcessId})");
            await Task.Delay(TimeSpan.FromSeconds(holdSeconds));
        }

        open.Release();
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));

        return new MemoryPerStreamRow(
            name,
            isLimit,
            (double)(heapAfter - heapBefore) / streams,
            (double)(allocatedAfter - allocatedBefore) / streams);
    }

    private static long SettledHeap()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task HoldLimitAsync(HttpClient http, OpenStreams streams)
    {
        await streams.EnterAsync();
        try
        {
            using HttpResponseMessage response = await RawRequests.PostAsync(http, RawRequests.GeneratePath, RawRequests.GenerateBody);
            using Stream stream = await response.Content.ReadAsStreamAsync();
            await ReadFirstEventAsync(stream);
            streams.Opened();
            await streams.Released;
        }
        catch (Exception ex)
        {
            streams.Fail(ex);
            throw;
        }
    }

    // The read buffer lives only while reading, so the limit holds nothing but the open response and its connection.
    private static async Task ReadFirstEventAsync(Stream stream)
    {
        if (await FrameScanner.ReadFirstEventAsync(stream, new byte[4096]) < 0)
        {
            throw new InvalidOperationException("The stream ended before its first event.");
        }
    }

    private static Func<OpenStreams, Task> HoldTgiGenerate(TgiClient client) => async streams =>
    {
        await streams.EnterAsync();
        try
        {
            await using IAsyncEnumerator<GenerateStreamUpdate> e = client.GenerateStreamingAsync("Hi", s_generateOptions).GetAsyncEnumerator();
            _ = await e.MoveNextAsync() ? e.Current.Token.Text : throw new InvalidOperationException("No first token.");
            streams.Opened();
            await streams.Released;
        }
        catch (Exception ex)
        {
            streams.Fail(ex);
            throw;
        }
    };

    private static Func<OpenStreams, Task> HoldTgiGenerateRaw(TgiClient client) => async streams =>
    {
        await streams.EnterAsync();
        try
        {
            await using IAsyncEnumerator<GenerateStreamRawUpdate> e = client.GenerateStreamingRawAsync("Hi", s_generateOptions).GetAsyncEnumerator();
            _ = await e.MoveNextAsync() ? e.Current.TextUtf8.Length : throw new InvalidOperationException("No first token.");
            streams.Opened();
            await streams.Released;
        }
        catch (Exception ex)
        {
            streams.Fail(ex);
            throw;
        }
    };

    private static Func<OpenStreams, Task> HoldTgiChat(TgiClient client) => async streams =>
    {
        await streams.EnterAsync();
        try
        {
            await using IAsyncEnumerator<ChatCompletionUpdate> e = client.ChatStreamingAsync(s_messages, s_chatOptions).GetAsyncEnumerator();
            _ = await e.MoveNextAsync() ? e.Current.ContentDelta : throw new InvalidOperationException("No first token.");
            streams.Opened();
            await streams.Released;
        }
        catch (Exception ex)
        {
            streams.Fail(ex);
            throw;
        }
    };

    private static Func<OpenStreams, Task> HoldOpenAi(OpenAiChatClient client) => async streams =>
    {
        await streams.EnterAsync();
        try
        {
            await using IAsyncEnumerator<OpenAiUpdate> e = client.CompleteChatStreamingAsync(OpenAiPeer.Messages).GetAsyncEnumerator();
            _ = await e.MoveNextAsync() ? e.Current.ContentUpdate : throw new InvalidOperationException("No first token.");
            streams.Opened();
            await streams.Released;
        }
        catch (Exception ex)
        {
            streams.Fail(ex);
            throw;
        }
    };
}
