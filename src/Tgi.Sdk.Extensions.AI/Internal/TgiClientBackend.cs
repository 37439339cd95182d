// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;

namespace Tgi.Sdk.Extensions.AI;

/// <summary>The backend over one <see cref="TgiClient"/>.</summary>
internal sealed class TgiClientBackend : ITgiChatBackend
{
    private readonly TgiClient _client;

    public TgiClientBackend(TgiClient client)
    {
        _client = client;
    }

    public Uri? Endpoint => _client.Endpoint;

    public object Inner => _client;

    public Task<TgiResult<ChatCompletion>> ChatAsync(IReadOnlyList<ChatMessage> messages, ChatCompletionOptions options, CancellationToken cancellationToken) =>
        _client.ChatAsync(messages, options, cancellationToken);

    public IAsyncEnumerable<ChatCompletionUpdate> ChatStreamingAsync(IReadOnlyList<ChatMessage> messages, ChatCompletionOptions options, CancellationToken cancellationToken) =>
        _client.ChatStreamingAsync(messages, options, cancellationToken);

    public Task<TgiResult<GenerateResponse>> GenerateAsync(string prompt, GenerateOptions options, CancellationToken cancellationToken) =>
        _client.GenerateAsync(prompt, options, cancellationToken);

    public IAsyncEnumerable<GenerateStreamUpdate> GenerateStreamingAsync(string prompt, GenerateOptions options, CancellationToken cancellationToken) =>
        _client.GenerateStreamingAsync(prompt, options, cancellationToken);
}
