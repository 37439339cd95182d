// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;

namespace Tgi.Sdk.Extensions.AI;

/// <summary>The backend over one <see cref="TgiClient"/>.</summary>
internal sealed class TgiClientBackend : TgiChatBackend
{
    private readonly TgiClient _client;

    public TgiClientBackend(TgiClient client)
    {
        _client = client;
    }

    public override Uri? Endpoint => _client.Endpoint;

    public override object InnerService => _client;

    public override Task<TgiResult<ChatCompletion>> ChatAsync(IReadOnlyList<ChatMessage> messages, ChatCompletionOptions options, CancellationToken cancellationToken) =>
        _client.ChatAsync(messages, options, cancellationToken);

    public override IAsyncEnumerable<ChatCompletionUpdate> ChatStreamingAsync(IReadOnlyList<ChatMessage> messages, ChatCompletionOptions options, CancellationToken cancellationToken) =>
        _client.ChatStreamingAsync(messages, options, cancellationToken);

    public override Task<TgiResult<GenerateResponse>> GenerateAsync(string prompt, GenerateOptions options, CancellationToken cancellationToken) =>
        _client.GenerateAsync(prompt, options, cancellationToken);

    public override IAsyncEnumerable<GenerateStreamUpdate> GenerateStreamingAsync(string prompt, GenerateOptions options, CancellationToken cancellationToken) =>
        _client.GenerateStreamingAsync(prompt, options, cancellationToken);
}
