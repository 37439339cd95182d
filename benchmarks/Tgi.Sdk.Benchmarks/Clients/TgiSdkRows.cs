// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using System.Runtime.CompilerServices;
using Tgi.Sdk.Benchmarks.Payloads;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;

namespace Tgi.Sdk.Benchmarks.Clients;

/// <summary>
/// The Tgi.Sdk rows: the real <see cref="TgiClient"/> over whatever HttpClient it is given (replayed bytes or the
/// loopback emulator), reading every token's text as a caller would.
/// </summary>
internal sealed class TgiSdkRows
{
    private static readonly GenerateOptions s_generateOptions = new() { MaxNewTokens = StreamPayloads.Tokens, Details = true };
    private static readonly ChatCompletionOptions s_chatOptions = new() { MaxTokens = StreamPayloads.Tokens, IncludeUsage = true };
    private static readonly ChatMessage[] s_messages = [ChatMessage.CreateUser("Hi")];

    public TgiSdkRows(HttpClient http) => Client = new TgiClient(http);

    public TgiClient Client { get; }

    /// <summary>GenerateStreamingAsync; returns the characters of token text read.</summary>
    public async Task<int> GenerateAsync()
    {
        int chars = 0;
        await foreach (GenerateStreamUpdate update in Client.GenerateStreamingAsync("Hi", s_generateOptions))
        {
            chars += update.Token.Text.Length;
        }

        return chars;
    }

    /// <summary>Raw mode: each token's UTF-8 bytes, no strings; returns the bytes read.</summary>
    public async Task<int> GenerateRawAsync()
    {
        int bytes = 0;
        await foreach (GenerateStreamRawUpdate update in Client.GenerateStreamingRawAsync("Hi", s_generateOptions))
        {
            bytes += update.TextUtf8.Span.Length;
        }

        return bytes;
    }

    /// <summary>ChatStreamingAsync; returns the characters of content read.</summary>
    public async Task<int> ChatAsync()
    {
        int chars = 0;
        await foreach (ChatCompletionUpdate update in Client.ChatStreamingAsync(s_messages, s_chatOptions))
        {
            chars += update.ContentDelta?.Length ?? 0;
        }

        return chars;
    }

    /// <summary>Starts a generate stream and returns once the first token is in the caller's hands.</summary>
    /// <param name="firstTokenAt">If given, receives the <see cref="Stopwatch"/> timestamp at which the first token was in hand.</param>
    public async Task<int> GenerateFirstTokenAsync(StrongBox<long>? firstTokenAt = null)
    {
        await using IAsyncEnumerator<GenerateStreamUpdate> e = Client.GenerateStreamingAsync("Hi", s_generateOptions).GetAsyncEnumerator();
        if (!await e.MoveNextAsync())
        {
            return -1;
        }

        int chars = e.Current.Token.Text.Length;
        firstTokenAt?.Value = Stopwatch.GetTimestamp();
        return chars;
    }

    /// <summary>Starts a chat stream and returns once the first content delta is in the caller's hands.</summary>
    /// <param name="firstTokenAt">If given, receives the <see cref="Stopwatch"/> timestamp at which the first token was in hand.</param>
    public async Task<int> ChatFirstTokenAsync(StrongBox<long>? firstTokenAt = null)
    {
        await using IAsyncEnumerator<ChatCompletionUpdate> e = Client.ChatStreamingAsync(s_messages, s_chatOptions).GetAsyncEnumerator();
        if (!await e.MoveNextAsync())
        {
            return -1;
        }

        int chars = e.Current.ContentDelta?.Length ?? 0;
        firstTokenAt?.Value = Stopwatch.GetTimestamp();
        return chars;
    }
}
