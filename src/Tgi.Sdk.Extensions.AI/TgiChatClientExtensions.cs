// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk;
using Tgi.Sdk.Extensions.AI;

namespace Microsoft.Extensions.AI;

/// <summary>Exposes a <see cref="TgiClient"/> as a Microsoft.Extensions.AI <see cref="IChatClient"/>.</summary>
public static class TgiChatClientExtensions
{
    /// <summary>Wraps a TGI client as an <see cref="IChatClient"/>.</summary>
    /// <param name="client">The TGI client.</param>
    /// <param name="defaultModelId">The model id reported in <see cref="ChatClientMetadata"/>; not sent to TGI.</param>
    /// <returns>The chat client; <see cref="IChatClient.GetService"/> returns <paramref name="client"/> for <see cref="TgiClient"/>.</returns>
    /// <remarks>
    /// <para>Conversations go to <c>/v1/chat/completions</c>. TGI-only options travel in
    /// <see cref="ChatOptions.AdditionalProperties"/> under the keys of <see cref="TgiChatOptionKeys"/>.</para>
    /// <para>Options that only <c>/generate</c> takes (<see cref="ChatOptions.TopK"/>, <c>details</c>, …) need a
    /// conversation of exactly one user text message, which is then sent to <c>/generate</c> as a raw prompt (no chat
    /// template); any other conversation with such an option throws <see cref="NotSupportedException"/>.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    public static IChatClient AsIChatClient(this TgiClient client, string? defaultModelId = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new TgiChatClient(new TgiClientBackend(client), defaultModelId);
    }

    /// <summary>
    /// Wraps a backend of your own (for example one that routes across several servers) as an <see cref="IChatClient"/>:
    /// the same adapter as <see cref="AsIChatClient(TgiClient, string?)"/>, sending its calls through
    /// <paramref name="backend"/>.
    /// </summary>
    /// <param name="backend">Where the adapter's chat and generate calls go.</param>
    /// <param name="defaultModelId">The model id reported in <see cref="ChatClientMetadata"/>; not sent to TGI.</param>
    /// <returns>The chat client; <see cref="IChatClient.GetService"/> returns <see cref="TgiChatBackend.InnerService"/> for its type.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="backend"/> is null.</exception>
    public static IChatClient AsIChatClient(this TgiChatBackend backend, string? defaultModelId = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return new TgiChatClient(backend, defaultModelId);
    }
}
