// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;

namespace Tgi.Sdk.Extensions.AI;

/// <summary>
/// What <see cref="TgiChatClient"/> sends requests through: one <see cref="TgiClient"/>, or a provider that fails over
/// across replicas (Tgi.Sdk.Providers implements it; internal, shared by InternalsVisibleTo).
/// </summary>
internal interface ITgiChatBackend
{
    /// <summary>Gets the server's base address, when there is one server.</summary>
    Uri? Endpoint { get; }

    /// <summary>Gets the object <c>GetService</c> hands out (the client or the provider).</summary>
    object Inner { get; }

    Task<TgiResult<ChatCompletion>> ChatAsync(IReadOnlyList<ChatMessage> messages, ChatCompletionOptions options, CancellationToken cancellationToken);

    IAsyncEnumerable<ChatCompletionUpdate> ChatStreamingAsync(IReadOnlyList<ChatMessage> messages, ChatCompletionOptions options, CancellationToken cancellationToken);

    Task<TgiResult<GenerateResponse>> GenerateAsync(string prompt, GenerateOptions options, CancellationToken cancellationToken);

    IAsyncEnumerable<GenerateStreamUpdate> GenerateStreamingAsync(string prompt, GenerateOptions options, CancellationToken cancellationToken);
}
