// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Extensions.AI;
using Tgi.Sdk.Providers;

namespace Microsoft.Extensions.AI;

/// <summary>Exposes a <see cref="TgiProvider"/> as a Microsoft.Extensions.AI <see cref="IChatClient"/>.</summary>
public static class TgiProviderChatClientExtensions
{
    /// <summary>
    /// Wraps a provider as an <see cref="IChatClient"/>: the same adapter as <c>TgiClient.AsIChatClient()</c>, but each
    /// call routes by model and fails over across the provider's replicas before the first token.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <param name="model">The model to route to; null routes by <see cref="ChatOptions.ModelId"/> when the provider serves it, else to any replica.</param>
    /// <returns>The chat client; <see cref="IChatClient.GetService"/> returns <paramref name="provider"/> for <see cref="TgiProvider"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    public static IChatClient AsIChatClient(this TgiProvider provider, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new ProviderChatBackend(provider, model).AsIChatClient(model);
    }
}
