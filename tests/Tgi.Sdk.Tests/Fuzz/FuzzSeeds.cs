// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tgi.Sdk.Testing;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Fuzz;

/// <summary>
/// The answers mutations start from: what the emulator sends on every route for each <see cref="TgiWireVersion"/>
/// (captured once per run over loopback), and TGI's recorded answers in ../shared/tgi/recordings when they are there.
/// </summary>
internal sealed class FuzzSeeds
{
    private static readonly Lazy<Task<FuzzSeeds>> s_instance = new(LoadAsync);

    private FuzzSeeds(Dictionary<string, List<byte[]>> byRoute, List<byte[]> recordedBodies, List<byte[]> recordedStreams, string? recordingsSkipped)
    {
        ByRoute = byRoute;
        RecordedBodies = recordedBodies;
        RecordedStreams = recordedStreams;
        RecordingsSkipped = recordingsSkipped;
    }

    /// <summary>Gets the emulator's answers per route: JSON bodies, SSE bodies, Prometheus text, error bodies.</summary>
    public Dictionary<string, List<byte[]>> ByRoute { get; }

    /// <summary>Gets the recorded JSON answers (and each recorded chunk on its own).</summary>
    public List<byte[]> RecordedBodies { get; }

    /// <summary>Gets the recorded streams, framed as TGI frames SSE.</summary>
    public List<byte[]> RecordedStreams { get; }

    /// <summary>Gets why the recordings were not used, when they were not.</summary>
    public string? RecordingsSkipped { get; }

    public static Task<FuzzSeeds> GetAsync() => s_instance.Value;

    /// <summary>The seeds for one route: its own answers, the recordings of its kind, and every error body.</summary>
    public List<byte[]> For(string route, bool streaming)
    {
        List<byte[]> own = ByRoute.GetValueOrDefault(route) ?? [];

        // Prometheus text has nothing in common with the JSON recordings.
        List<byte[]> recorded = route == "metrics" ? [] : streaming ? RecordedStreams : RecordedBodies;

        // The route's own answers are picked about three times in four: they reach deeper into its parser.
        List<byte[]> seeds = [];
        int copies = own.Count == 0 ? 0 : Math.Max(1, 3 * recorded.Count / own.Count);
        for (int i = 0; i < copies; i++)
        {
            seeds.AddRange(own);
        }

        seeds.AddRange(recorded);
        return seeds;
    }

    private static async Task<FuzzSeeds> LoadAsync()
    {
        Dictionary<string, List<byte[]>> byRoute = [];
        foreach (TgiWireVersion version in Enum.GetValues<TgiWireVersion>())
        {
            await CaptureAsync(version, byRoute);
        }

        List<byte[]> bodies = [];
        List<byte[]> streams = [];
        string? skipped = LoadRecordings(bodies, streams);
        return new FuzzSeeds(byRoute, bodies, streams, skipped);
    }

    private static async Task CaptureAsync(TgiWireVersion version, Dictionary<string, List<byte[]>> byRoute)
    {
        await using TgiEmulator emulator = await TgiEmulator.StartAsync(new TgiEmulatorOptions
        {
            WireVersion = version,
            Generator = TgiGenerator.Scripted(" The", " cat", " \"sat\"\n", " é🙂"),
        });
        using HttpClient http = new() { BaseAddress = emulator.BaseAddress };
        const string parameters = "\"parameters\":{\"max_new_tokens\":4,\"details\":true,\"decoder_input_details\":true,\"top_n_tokens\":2,\"seed\":7}";
        const string messages = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";
        const string tools = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}}],\"tool_choice\":\"required\"";
        (string Route, HttpMethod Method, string Path, string? Body)[] calls =
        [
            ("generate", HttpMethod.Post, "generate", "{\"inputs\":\"Hi\"," + parameters + "}"),
            ("generate", HttpMethod.Post, "generate", "{\"inputs\":\"Hi\",\"parameters\":{\"max_new_tokens\":2,\"best_of\":2,\"do_sample\":true,\"details\":true}}"),
            ("generate_stream", HttpMethod.Post, "generate_stream", "{\"inputs\":\"Hi\"," + parameters + "}"),
            ("generate_stream", HttpMethod.Post, "generate_stream", "{\"inputs\":\"Hi\",\"parameters\":{\"max_new_tokens\":3}}"),
            ("compat", HttpMethod.Post, string.Empty, "{\"inputs\":\"Hi\"," + parameters + "}"),
            ("generate_stream", HttpMethod.Post, string.Empty, "{\"inputs\":\"Hi\",\"stream\":true," + parameters + "}"),
            ("chat", HttpMethod.Post, "v1/chat/completions", "{" + messages + ",\"max_tokens\":4,\"logprobs\":true,\"top_logprobs\":2}"),
            ("chat", HttpMethod.Post, "v1/chat/completions", "{" + messages + ",\"max_tokens\":40" + tools + "}"),
            ("chat_stream", HttpMethod.Post, "v1/chat/completions", "{" + messages + ",\"max_tokens\":4,\"stream\":true,\"logprobs\":true,\"top_logprobs\":2}"),
            ("chat_stream", HttpMethod.Post, "v1/chat/completions", "{" + messages + ",\"max_tokens\":40,\"stream\":true" + tools + "}"),
            ("chat_stream", HttpMethod.Post, "v1/chat/completions", "{" + messages + ",\"max_tokens\":4,\"stream\":true,\"stream_options\":{\"include_usage\":true}}"),
            ("completions", HttpMethod.Post, "v1/completions", "{\"model\":\"tgi\",\"prompt\":\"Hi\",\"max_tokens\":4}"),
            ("completions", HttpMethod.Post, "v1/completions", "{\"model\":\"tgi\",\"prompt\":[\"Hi\",\"Yo\"],\"max_tokens\":2}"),
            ("completions_stream", HttpMethod.Post, "v1/completions", "{\"model\":\"tgi\",\"prompt\":\"Hi\",\"max_tokens\":4,\"stream\":true}"),
            ("info", HttpMethod.Get, "info", null),
            ("models", HttpMethod.Get, "v1/models", null),
            ("tokenize", HttpMethod.Post, "tokenize", "{\"inputs\":\"Hi there\"}"),
            ("chat_tokenize", HttpMethod.Post, "chat_tokenize", "{" + messages + "}"),
            ("metrics", HttpMethod.Get, "metrics", null),
            ("error", HttpMethod.Post, "generate", "{\"inputs\":\"\"}"),
            ("error", HttpMethod.Post, "generate", "{\"inputs\":\"Hi\",\"parameters\":{\"max_new_tokens\":0}}"),
            ("error", HttpMethod.Post, "v1/chat/completions", "{\"messages\":[]}"),
            ("error", HttpMethod.Post, "v1/chat/completions", "not json"),
            ("error", HttpMethod.Post, "v1/completions", "{\"prompt\":\"Hi\",\"max_tokens\":0}"),
        ];
        foreach ((string route, HttpMethod method, string path, string? body) in calls)
        {
            await CaptureOneAsync(http, route, method, path, body, byRoute);
        }

        // In-stream errors: TGI reports a failure during generation as an event inside an HTTP 200 stream.
        emulator.Faults.GenerationErrorAfterTokens = 1;
        await CaptureOneAsync(http, "generate_stream", HttpMethod.Post, "generate_stream", "{\"inputs\":\"Hi\",\"parameters\":{\"max_new_tokens\":3}}", byRoute);
        await CaptureOneAsync(http, "chat_stream", HttpMethod.Post, "v1/chat/completions", "{" + messages + ",\"max_tokens\":4,\"stream\":true}", byRoute);
        await CaptureOneAsync(http, "completions_stream", HttpMethod.Post, "v1/completions", "{\"model\":\"tgi\",\"prompt\":\"Hi\",\"max_tokens\":4,\"stream\":true}", byRoute);
        emulator.Faults.Clear();
        emulator.Faults.OverloadNextRequests = 1;
        await CaptureOneAsync(http, "generate", HttpMethod.Post, "generate", "{\"inputs\":\"Hi\"}", byRoute);
    }

    private static async Task CaptureOneAsync(HttpClient http, string route, HttpMethod method, string path, string? body, Dictionary<string, List<byte[]>> byRoute)
    {
        using HttpRequestMessage request = new(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (route.EndsWith("_stream", StringComparison.Ordinal))
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        }

        using HttpResponseMessage response = await http.SendAsync(request);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        string key = response.IsSuccessStatusCode ? route : "error";
        if (!byRoute.TryGetValue(key, out List<byte[]>? list))
        {
            byRoute[key] = list = [];
        }

        list.Add(bytes);
    }

    private static string? LoadRecordings(List<byte[]> bodies, List<byte[]> streams)
    {
        const string indexFile = "tgi/recordings/tgi-integration/INDEX.md";
        string? index = SharedData.TryPath(indexFile);
        if (index is null)
        {
            return "the reference recordings in ../shared/tgi/recordings are not available";
        }

        string root = Path.GetDirectoryName(Path.GetDirectoryName(index)!)!;
        foreach (string file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            byte[] bytes = File.ReadAllBytes(file);
            if (file.EndsWith(".txt", StringComparison.Ordinal) && file.Contains("stream", StringComparison.Ordinal))
            {
                // TGI 1.4 SSE captures, exactly as sent.
                streams.Add(bytes);
            }
            else if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                AddRecordedJson(bytes, bodies, streams);
            }
        }

        return null;
    }

    private static void AddRecordedJson(byte[] bytes, List<byte[]> bodies, List<byte[]> streams)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(bytes);
            JsonElement root = document.RootElement;
            bodies.Add(Compact(root));
            if (root.ValueKind == JsonValueKind.Array)
            {
                // A list of chunks: each one alone, and all of them as TGI's SSE (with and without [DONE]).
                StringBuilder sse = new();
                foreach (JsonElement chunk in root.EnumerateArray())
                {
                    byte[] compact = Compact(chunk);
                    bodies.Add(compact);
                    sse.Append("data: ").Append(Encoding.UTF8.GetString(compact)).Append("\n\n");
                }

                streams.Add(Encoding.UTF8.GetBytes(sse.ToString()));
                streams.Add(Encoding.UTF8.GetBytes(sse + "data: [DONE]\n\n"));
            }
        }
        catch (JsonException)
        {
            // Not JSON: not a seed.
        }
    }

    private static byte[] Compact(JsonElement element)
    {
        System.Buffers.ArrayBufferWriter<byte> buffer = new();
        using (Utf8JsonWriter writer = new(buffer))
        {
            element.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
