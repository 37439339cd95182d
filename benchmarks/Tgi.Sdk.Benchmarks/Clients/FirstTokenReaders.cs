// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using System.Runtime.CompilerServices;
using OpenAI.Chat;
using Tgi.Sdk.Benchmarks.Infrastructure;
using Tgi.Sdk.Benchmarks.Peers.Limit;
using Tgi.Sdk.Benchmarks.Peers.OpenAi;
using Tgi.Sdk.Benchmarks.Peers.Records;

namespace Tgi.Sdk.Benchmarks.Clients;

/// <summary>
/// The peers' first-token paths: start a stream, return once the first token is in hand. Each can stamp that moment
/// (<paramref name="firstTokenAt"/>) so that disposing the stream afterwards stays out of a headers-to-token timing.
/// </summary>
internal static class FirstTokenReaders
{
    /// <summary>The limit: HttpClient, then bytes up to the first <c>\n\n</c>.</summary>
    public static async Task<int> LimitAsync(HttpClient http, string path, string body, byte[] buffer, StrongBox<long>? firstTokenAt = null)
    {
        using HttpResponseMessage response = await RawRequests.PostAsync(http, path, body);
        using Stream stream = await response.Content.ReadAsStreamAsync();
        int read = await FrameScanner.ReadFirstEventAsync(stream, buffer);
        firstTokenAt?.Value = Stopwatch.GetTimestamp();
        return read;
    }

    public static async Task<int> RecordsGenerateAsync(HttpClient http, StrongBox<long>? firstTokenAt = null)
    {
        await using IAsyncEnumerator<GenerateStreamEvent> e = RecordsStreamReader.GenerateAsync(http).GetAsyncEnumerator();
        if (!await e.MoveNextAsync())
        {
            return -1;
        }

        int chars = e.Current.Token.Text.Length;
        firstTokenAt?.Value = Stopwatch.GetTimestamp();
        return chars;
    }

    public static async Task<int> OpenAiChatAsync(ChatClient client, StrongBox<long>? firstTokenAt = null)
    {
        await using IAsyncEnumerator<StreamingChatCompletionUpdate> e = client.CompleteChatStreamingAsync(OpenAiPeer.Messages).GetAsyncEnumerator();
        if (!await e.MoveNextAsync() || e.Current.ContentUpdate.Count == 0)
        {
            return -1;
        }

        int chars = e.Current.ContentUpdate[0].Text.Length;
        firstTokenAt?.Value = Stopwatch.GetTimestamp();
        return chars;
    }
}
