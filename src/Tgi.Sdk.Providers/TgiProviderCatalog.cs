// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Collections;

namespace Tgi.Sdk.Providers;

/// <summary>
/// Every <see cref="TgiProvider"/> registered in the container, in <see cref="TgiProviderOptions.Priority"/> order
/// (lower first; equal priorities keep registration order). The first one is also the container's unkeyed
/// <see cref="TgiProvider"/>.
/// </summary>
/// <remarks>Resolve it from dependency injection after <c>AddTgiProvider</c> or <c>AddTgiProviders</c>.</remarks>
public sealed class TgiProviderCatalog : IReadOnlyList<TgiProvider>
{
    private readonly TgiProvider[] _providers;

    /// <summary>Initializes a new instance, ordering the providers by priority (stable).</summary>
    /// <param name="providers">The providers, in registration order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="providers"/> is null.</exception>
    public TgiProviderCatalog(IEnumerable<TgiProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _providers = [.. providers.OrderBy(p => p.Priority)];
    }

    /// <inheritdoc/>
    public int Count => _providers.Length;

    /// <inheritdoc/>
    public TgiProvider this[int index] => _providers[index];

    /// <summary>
    /// Finds the provider that serves a model: the first, in priority order, whose <see cref="TgiProvider.Models"/>
    /// (configured or discovered from <c>/info</c>) names it.
    /// </summary>
    /// <param name="model">The model id (compared without regard to case).</param>
    /// <returns>The provider, or null when none serves the model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public TgiProvider? ForModel(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _providers.FirstOrDefault(p => p.Models.Contains(model, StringComparer.OrdinalIgnoreCase));
    }

    /// <inheritdoc/>
    public IEnumerator<TgiProvider> GetEnumerator() => ((IEnumerable<TgiProvider>)_providers).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
