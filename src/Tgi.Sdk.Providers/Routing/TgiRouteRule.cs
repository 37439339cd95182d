// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers;

/// <summary>One row of <see cref="TgiRouteTable"/>: a request feature and the API it needs.</summary>
public sealed class TgiRouteRule
{
    private readonly Func<TgiRequest, bool> _matches;

    internal TgiRouteRule(string feature, TgiApi? requires, string reason, Func<TgiRequest, bool> matches)
    {
        Feature = feature;
        Requires = requires;
        Reason = reason;
        _matches = matches;
    }

    /// <summary>Gets the feature's wire name, for example <c>details</c> or <c>tools</c>.</summary>
    public string Feature { get; }

    /// <summary>Gets the API the feature needs, or null when it works on both (it follows the request's form).</summary>
    public TgiApi? Requires { get; }

    /// <summary>Gets why the feature needs that API.</summary>
    public string Reason { get; }

    /// <summary>Whether the request uses this feature.</summary>
    /// <param name="request">The request.</param>
    /// <returns>True when the feature is set.</returns>
    public bool Matches(TgiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _matches(request);
    }

    /// <inheritdoc/>
    public override string ToString() => Requires is { } api ? $"{Feature} -> {api}" : $"{Feature} -> either";
}
