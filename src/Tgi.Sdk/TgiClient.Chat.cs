// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Internal;
using Tgi.Sdk.Streaming;
using Tgi.Sdk.Telemetry;

namespace Tgi.Sdk;

/// <content>The OpenAI-compatible chat API: <c>POST /v1/chat/completions</c>.</content>
public partial class TgiClient
{
    /// <summary>Completes a chat with <c>POST /v1/chat/completions</c>.</summary>
    /// <param name="messages">The conversation.</param>
    /// <param name="options">The request options; only those set are sent.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The completion (single choice flattened) and the raw response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> is null.</exception>
    /// <exception cref="TgiException">TGI answered with an error (for example 422 <c>template_error</c> or <c>tool_error</c>), or the request failed.</exception>
    public virtual Task<TgiResult<ChatCompletion>> ChatAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default)
    {
        Tgi.Generated.Models.ChatRequest request = CreateChatRequest(messages, options, stream: false);
        return SendJsonAsync(_kiota.ChatCompletions, KiotaBridge.Serialize(request), ChatWire.ReadCompletion, TgiOperation.Chat, options?.Model, options, OperationDescriptions.Request, OperationDescriptions.Result, cancellationToken);
    }

    /// <summary>Streams a chat completion with <c>POST /v1/chat/completions</c> and <c>stream: true</c>.</summary>
    /// <param name="messages">The conversation.</param>
    /// <param name="options">The request options; captured when this method is called.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A lazy stream of flattened chunks; the request is sent when enumeration starts.</returns>
    /// <remarks>
    /// The stream ends at TGI's <c>[DONE]</c> (or, for TGI 1.4, when the connection closes after the finish chunk).
    /// An error event (either shape TGI has used) becomes a <see cref="TgiException"/>.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> is null.</exception>
    public virtual TgiStreamingResult<ChatCompletionUpdate> ChatStreamingAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default)
    {
        Tgi.Generated.Models.ChatRequest request = CreateChatRequest(messages, options, stream: true);
        return CreateStream(_kiota.ChatCompletions, KiotaBridge.Serialize(request), static () => new ChatStreamHandler(), StreamTelemetry<ChatCompletionUpdate, ChatCompletionOptions?>(TgiOperation.Chat, options?.Model, options, OperationDescriptions.Request, OperationDescriptions.Update), cancellationToken);
    }

    private static Tgi.Generated.Models.ChatRequest CreateChatRequest(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options, bool stream)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ChatMessage[] list = [.. messages];
        foreach (ChatMessage message in list)
        {
            if (message is null)
            {
                throw new ArgumentException("The messages must not contain null.", nameof(messages));
            }
        }

        return ChatWire.CreateRequest(list, options, stream);
    }
}
