// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Recordings;

/// <summary>
/// Replays TGI's recorded integration snapshots (../shared/tgi/recordings/tgi-integration, read in place, never copied)
/// through the SDK: a response file as the HTTP body, a list of chunks as an SSE stream ending with [DONE].
/// </summary>
internal static class Recording
{
    private const string Root = "tgi/recordings/tgi-integration/";

    /// <summary>Reads a recording, or skips the test when ../shared is absent.</summary>
    public static string Read(string path) => SharedData.ReadOrSkip(Root + path);

    /// <summary>A client whose server answers with the recorded JSON body.</summary>
    public static ReplayHandler Json(string path) => ReplayHandler.Json(Read(path));

    /// <summary>Frames recorded chunks (a JSON array, or one chunk) as TGI's SSE, after any chunks given first, then [DONE].</summary>
    public static ReplayHandler Stream(string path, params string[] before)
    {
        using JsonDocument document = JsonDocument.Parse(Read(path));
        List<string> events = [.. before];
        if (document.RootElement.ValueKind == JsonValueKind.Array)
        {
            events.AddRange(document.RootElement.EnumerateArray().Select(Compact));
        }
        else
        {
            events.Add(Compact(document.RootElement));
        }

        events.Add("[DONE]");
        return ReplayHandler.Sse(Sse.Frame(events), chunkSize: 97);
    }

    /// <summary>One line of compact JSON (the files are pretty-printed; TGI writes each event on one line).</summary>
    private static string Compact(JsonElement element)
    {
        System.Buffers.ArrayBufferWriter<byte> buffer = new();
        using (Utf8JsonWriter writer = new(buffer))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Streams a chat through the handler and assembles the completion.</summary>
    public static async Task<ChatCompletion> StreamAsync(ReplayHandler handler)
    {
        ChatCompletionAccumulator accumulator = new();
        await foreach (ChatCompletionUpdate update in handler.CreateClient().ChatStreamingAsync([ChatMessage.CreateUser("What is the weather like in Brooklyn, New York?")]))
        {
            accumulator.Append(update);
        }

        return accumulator.ToCompletion();
    }

    /// <summary>
    /// A TGI 2.0.4–3.1 tool-call chunk: tool_calls is an object, the id empty, the name null, and the arguments a
    /// piece of the raw grammar output (API.md §5.5).
    /// </summary>
    public static string LegacyToolChunk(string argumentsPiece) =>
        "{\"choices\":[{\"delta\":{\"content\":null,\"role\":\"assistant\",\"tool_calls\":{\"function\":{\"arguments\":"
        + JsonSerializer.Serialize(argumentsPiece, Tools.TestJsonContext.Default.String)
        + ",\"name\":null},\"id\":\"\",\"index\":0,\"type\":\"function\"}},\"finish_reason\":null,\"index\":0,\"logprobs\":null}],"
        + "\"created\":1729084850,\"id\":\"\",\"model\":\"m\",\"object\":\"chat.completion.chunk\",\"system_fingerprint\":\"2.3.2-dev0-native\",\"usage\":null}";
}
