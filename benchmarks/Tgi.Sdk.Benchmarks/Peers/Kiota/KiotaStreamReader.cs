// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Kiota.Serialization.Json;
using Tgi.Sdk.Benchmarks.Infrastructure;

namespace Tgi.Sdk.Benchmarks.Peers.Kiota;

/// <summary>
/// The naive Kiota path: SseParser with string data, then JsonDocument and Kiota's JsonParseNode per event into
/// Kiota-shaped models, the way a Kiota user reads the raw <c>Stream</c> Kiota hands back for SSE routes.
/// </summary>
internal static class KiotaStreamReader
{
    public static async IAsyncEnumerable<KiotaStreamResponse> GenerateAsync(
        HttpClient http, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await RawRequests.PostAsync(http, RawRequests.GeneratePath, RawRequests.GenerateBody, cancellationToken);
        using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (SseItem<string> item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            using JsonDocument doc = JsonDocument.Parse(item.Data);
            KiotaStreamResponse? ev = new JsonParseNode(doc.RootElement).GetObjectValue(KiotaStreamResponse.CreateFromDiscriminatorValue);
            if (ev is not null)
            {
                yield return ev;
            }
        }
    }

    public static async IAsyncEnumerable<KiotaChatCompletionChunk> ChatAsync(
        HttpClient http, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await RawRequests.PostAsync(http, RawRequests.ChatPath, RawRequests.ChatBody, cancellationToken);
        using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (SseItem<string> item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            if (item.Data == "[DONE]")
            {
                yield break;
            }

            using JsonDocument doc = JsonDocument.Parse(item.Data);
            KiotaChatCompletionChunk? chunk = new JsonParseNode(doc.RootElement).GetObjectValue(KiotaChatCompletionChunk.CreateFromDiscriminatorValue);
            if (chunk is not null)
            {
                yield return chunk;
            }
        }
    }
}
