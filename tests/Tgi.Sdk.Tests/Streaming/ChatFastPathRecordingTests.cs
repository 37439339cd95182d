// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tgi.Sdk.Testing;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Streaming;

/// <summary>
/// The chat fast path against what TGI really sends: the recorded streams in ../shared (skipped when absent) and the
/// emulator's streams for every wire version. Both paths must give the same updates, and the fast path must be taken.
/// </summary>
public partial class ChatFastPathRecordingTests
{
    private const string IntegrationIndex = "tgi/recordings/tgi-integration/INDEX.md";
    private const string RawCapture = "tgi/recordings/sk-hf-connector/chatcompletion_test_stream_response.txt";

    [Test]
    public async Task Recordings_AsRecorded_SameUpdatesOnBothPaths()
    {
        // The integration snapshots are client-normalized (sorted keys, client-added nulls): the reader's job.
        int streams = 0;
        foreach (string file in ChatStreamRecordings())
        {
            (List<string> fast, List<string> slow, _) = ChatPaths.Run(RecordedChunks(file).Select(c => Compact(c)));

            await Assert.That(fast).IsEquivalentTo(slow, TUnit.Assertions.Enums.CollectionOrdering.Matching).Because(file);
            streams++;
        }

        await Assert.That(streams).IsGreaterThan(10);
    }

    [Test]
    public async Task Recordings_InTgiSerdeLayout_FastPathTakenAndSameUpdates()
    {
        // The same chunks written back in TGI's wire layout (serde key order, client-added keys dropped, API.md §5.3).
        int fastChunks = 0;
        int contentChunks = 0;
        foreach (string file in ChatStreamRecordings())
        {
            List<JsonElement> chunks = RecordedChunks(file);
            (List<string> fast, List<string> slow, int taken) = ChatPaths.Run(chunks.Select(WireLayout));

            await Assert.That(fast).IsEquivalentTo(slow, TUnit.Assertions.Enums.CollectionOrdering.Matching).Because(file);
            fastChunks += taken;
            contentChunks += chunks.Count(IsPlainContentChunk);
        }

        // Every plain content chunk but each stream's first (which fills the envelope caches) takes the fast path.
        await Assert.That(contentChunks).IsGreaterThan(100);
        await Assert.That(fastChunks).IsGreaterThanOrEqualTo(contentChunks - ChatStreamRecordings().Count());
    }

    [Test]
    public async Task RawTgi14Capture_SameUpdatesOnBothPaths()
    {
        // Raw SSE bytes from TGI 1.4.4 ("data:" with no space, id before object, object "text_completion", logprobs).
        byte[] body = Encoding.UTF8.GetBytes(SharedData.ReadOrSkip(RawCapture));

        (List<string> fast, List<string> slow, int taken) = ChatPaths.Run(await ChatPaths.EventsAsync(body));

        await Assert.That(fast.Count).IsGreaterThan(10);
        await Assert.That(fast).IsEquivalentTo(slow, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(taken).IsEqualTo(0);
    }

    [Test]
    public async Task RawTgi14Capture_WithoutLogprobs_FastPathTakenAndSameUpdates()
    {
        // The same stream as a 1.4 server sends it without logprobs requested: "logprobs":null.
        string text = LogprobsObject().Replace(SharedData.ReadOrSkip(RawCapture), "\"logprobs\":null,\"finish_reason\"");
        byte[] body = Encoding.UTF8.GetBytes(text);

        (List<string> fast, List<string> slow, int taken) = ChatPaths.Run(await ChatPaths.EventsAsync(body));

        await Assert.That(fast).IsEquivalentTo(slow, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(taken).IsGreaterThanOrEqualTo(fast.Count - 3);
    }

    [Test]
    [MatrixDataSource]
    public async Task EmulatorStream_EveryWireVersion_FastPathTakenAndSameUpdates(
        [Matrix(TgiWireVersion.V2_0, TgiWireVersion.V2_4, TgiWireVersion.V3_3)] TgiWireVersion version,
        [Matrix(false, true)] bool includeUsage)
    {
        string[] tokens = ["Hello", ",", " \"quoted\"", "\n", " back\\slash", "\t", " café", " 日本", " 🙂", "\u0001", " end"];
        byte[] body = await EmulatorChatBodyAsync(version, tokens, includeUsage && version != TgiWireVersion.V2_0, logprobs: false);

        (List<string> fast, List<string> slow, int taken) = ChatPaths.Run(await ChatPaths.EventsAsync(body));

        await Assert.That(fast).IsEquivalentTo(slow, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(string.Concat(fast.Take(tokens.Length))).Contains("content=\" 日本\"");
        await Assert.That(taken).IsEqualTo(tokens.Length - 1);
    }

    [Test]
    [Arguments(TgiWireVersion.V2_4)]
    [Arguments(TgiWireVersion.V3_3)]
    public async Task EmulatorStream_WithLogprobs_ReaderPathAndSameUpdates(TgiWireVersion version)
    {
        byte[] body = await EmulatorChatBodyAsync(version, ["a", " b"], includeUsage: true, logprobs: true);

        (List<string> fast, List<string> slow, int taken) = ChatPaths.Run(await ChatPaths.EventsAsync(body));

        await Assert.That(fast).IsEquivalentTo(slow, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(fast[1]).Contains("logprobs=\" b\"");
        await Assert.That(taken).IsEqualTo(0);
    }

    [GeneratedRegex("\"logprobs\":\\{\"content\":\\[.*?\\]\\},\"finish_reason\"")]
    private static partial Regex LogprobsObject();

    private static async Task<byte[]> EmulatorChatBodyAsync(TgiWireVersion version, string[] tokens, bool includeUsage, bool logprobs)
    {
        await using TgiEmulator emulator = await TgiEmulator.StartAsync(new TgiEmulatorOptions { WireVersion = version, Generator = TgiGenerator.Scripted(tokens) });
        using HttpClient http = new() { BaseAddress = emulator.BaseAddress };
        string request = "{\"model\":\"tgi\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":true"
            + (includeUsage ? ",\"stream_options\":{\"include_usage\":true}" : string.Empty)
            + (logprobs ? ",\"logprobs\":true" : string.Empty)
            + "}";
        using StringContent content = new(request, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await http.PostAsync(new Uri("v1/chat/completions", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static IEnumerable<string> ChatStreamRecordings()
    {
        string? index = SharedData.TryPath(IntegrationIndex);
        if (index is null)
        {
            Skip.Test("The reference recordings in ../shared are not available: " + IntegrationIndex);
        }

        return Directory.EnumerateFiles(Path.GetDirectoryName(index!)!, "*.json", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("chat.completion.chunk", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    private static List<JsonElement> RecordedChunks(string file)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
        JsonElement root = document.RootElement.Clone();
        return root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : [root];
    }

    private static bool IsPlainContentChunk(JsonElement chunk) =>
        chunk.GetProperty("choices") is { ValueKind: JsonValueKind.Array } choices
        && choices.GetArrayLength() == 1
        && choices[0].GetProperty("delta").TryGetProperty("content", out JsonElement c) && c.ValueKind == JsonValueKind.String
        && choices[0].GetProperty("finish_reason").ValueKind == JsonValueKind.Null
        && choices[0].GetProperty("logprobs").ValueKind == JsonValueKind.Null
        && (!chunk.TryGetProperty("usage", out JsonElement u) || u.ValueKind == JsonValueKind.Null);

    private static byte[] Compact(JsonElement element)
    {
        ArrayBufferWriter<byte> buffer = new();
        using (Utf8JsonWriter writer = new(buffer))
        {
            element.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] WireLayout(JsonElement chunk)
    {
        ArrayBufferWriter<byte> buffer = new();

        // serde_json writes non-ASCII text as is and escapes only quotes, backslashes and control characters.
        using (Utf8JsonWriter writer = new(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (string key in (string[])["object", "id", "created", "model", "system_fingerprint"])
            {
                writer.WritePropertyName(key);
                chunk.GetProperty(key).WriteTo(writer);
            }

            writer.WriteStartArray("choices");
            foreach (JsonElement choice in chunk.GetProperty("choices").EnumerateArray())
            {
                writer.WriteStartObject();
                writer.WritePropertyName("index");
                choice.GetProperty("index").WriteTo(writer);
                JsonElement delta = choice.GetProperty("delta");
                writer.WriteStartObject("delta");
                writer.WritePropertyName("role");
                delta.GetProperty("role").WriteTo(writer);
                foreach (string key in (string[])["content", "tool_calls"])
                {
                    // Only the clients add "content": null or "tool_calls": null; TGI leaves the key out.
                    if (delta.TryGetProperty(key, out JsonElement value) && value.ValueKind != JsonValueKind.Null)
                    {
                        writer.WritePropertyName(key);
                        value.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
                writer.WritePropertyName("logprobs");
                choice.GetProperty("logprobs").WriteTo(writer);
                writer.WritePropertyName("finish_reason");
                choice.GetProperty("finish_reason").WriteTo(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (chunk.TryGetProperty("usage", out JsonElement usage))
            {
                writer.WritePropertyName("usage");
                usage.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
