// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Tgi.Sdk.Benchmarks.Infrastructure;

namespace Tgi.Sdk.Benchmarks.Peers.Records;

/// <summary>
/// The obvious .NET approach: HttpClient with ResponseHeadersRead, the runtime's SseParser, and a source-generated
/// JsonSerializer.Deserialize straight from each event's bytes (no string per event).
/// </summary>
internal static class RecordsStreamReader
{
    private static readonly SseItemParser<GenerateStreamEvent?> s_generateParser =
        static (_, data) => JsonSerializer.Deserialize(data, RecordsJsonContext.Default.GenerateStreamEvent);

    private static readonly SseItemParser<ChatChunkRecord?> s_chatParser =
        static (_, data) => data.SequenceEqual("[DONE]"u8) ? null : JsonSerializer.Deserialize(data, RecordsJsonContext.Default.ChatChunkRecord);

    public static async IAsyncEnumerable<GenerateStreamEvent> GenerateAsync(
        HttpClient http, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await RawRequests.PostAsync(http, RawRequests.GeneratePath, RawRequests.GenerateBody, cancellationToken);
        using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (SseItem<GenerateStreamEvent?> item in SseParser.Create(stream, s_generateParser).EnumerateAsync(cancellationToken))
        {
            if (item.Data is { } ev)
            {
                yield return ev;
            }
        }
    }

    public static async IAsyncEnumerable<ChatChunkRecord> ChatAsync(
        HttpClient http, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await RawRequests.PostAsync(http, RawRequests.ChatPath, RawRequests.ChatBody, cancellationToken);
        using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (SseItem<ChatChunkRecord?> item in SseParser.Create(stream, s_chatParser).EnumerateAsync(cancellationToken))
        {
            if (item.Data is null)
            {
                yield break;
            }

            yield return item.Data;
        }
    }
}
