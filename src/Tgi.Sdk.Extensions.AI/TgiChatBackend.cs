// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;

namespace Tgi.Sdk.Extensions.AI;

/// <summary>
/// What the <see cref="Microsoft.Extensions.AI.IChatClient"/> adapter sends its requests through. The adapter maps
/// Microsoft.Extensions.AI messages and options onto TGI's chat and generate calls; a backend decides where those calls
/// go: one <see cref="TgiClient"/> (<c>TgiClient.AsIChatClient()</c>), or something that spreads them over several
/// servers, as the Tgi.Sdk.Providers package does to fail over across replicas.
/// </summary>
/// <remarks>
/// Derive from it to put your own routing under the adapter, then call
/// <see cref="Microsoft.Extensions.AI.TgiChatClientExtensions.AsIChatClient(TgiChatBackend, string?)"/>. Every member is
/// called concurrently when the chat client is shared, so implementations must be thread-safe.
/// </remarks>
public abstract class TgiChatBackend
{
    /// <summary>Initializes a new instance.</summary>
    protected TgiChatBackend()
    {
    }

    /// <summary>
    /// Gets the server's base address when every call goes to one server (reported in the chat client's metadata);
    /// null when calls may go to several.
    /// </summary>
    public virtual Uri? Endpoint => null;

    /// <summary>
    /// Gets the object the chat client's <c>GetService</c> returns when asked for its type (for example the
    /// <see cref="TgiClient"/>), so callers can reach the raw client behind the adapter.
    /// </summary>
    public abstract object InnerService { get; }

    /// <summary>Sends a conversation to <c>/v1/chat/completions</c>.</summary>
    /// <param name="messages">The TGI messages.</param>
    /// <param name="options">The chat options, already mapped from Microsoft.Extensions.AI.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The completion with its raw response.</returns>
    /// <exception cref="TgiException">The request failed.</exception>
    public abstract Task<TgiResult<ChatCompletion>> ChatAsync(IReadOnlyList<ChatMessage> messages, ChatCompletionOptions options, CancellationToken cancellationToken);

    /// <summary>Streams a conversation from <c>/v1/chat/completions</c>.</summary>
    /// <param name="messages">The TGI messages.</param>
    /// <param name="options">The chat options, already mapped from Microsoft.Extensions.AI.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The updates; the request is sent on the first <c>MoveNextAsync</c>.</returns>
    public abstract IAsyncEnumerable<ChatCompletionUpdate> ChatStreamingAsync(IReadOnlyList<ChatMessage> messages, ChatCompletionOptions options, CancellationToken cancellationToken);

    /// <summary>Sends a raw prompt to <c>/generate</c> (used when an option only <c>/generate</c> takes is set).</summary>
    /// <param name="prompt">The prompt, sent without a chat template.</param>
    /// <param name="options">The generate options.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The generated text with its raw response.</returns>
    /// <exception cref="TgiException">The request failed.</exception>
    public abstract Task<TgiResult<GenerateResponse>> GenerateAsync(string prompt, GenerateOptions options, CancellationToken cancellationToken);

    /// <summary>Streams a raw prompt from <c>/generate_stream</c>.</summary>
    /// <param name="prompt">The prompt, sent without a chat template.</param>
    /// <param name="options">The generate options.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The updates; the request is sent on the first <c>MoveNextAsync</c>.</returns>
    public abstract IAsyncEnumerable<GenerateStreamUpdate> GenerateStreamingAsync(string prompt, GenerateOptions options, CancellationToken cancellationToken);
}
