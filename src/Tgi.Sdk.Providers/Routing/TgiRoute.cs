// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers;

/// <summary>The endpoint <see cref="TgiRouteTable"/> picked for a request.</summary>
public sealed class TgiRoute
{
    internal TgiRoute(TgiApi api, bool isStreaming, IReadOnlyList<string> features)
    {
        Api = api;
        IsStreaming = isStreaming;
        Features = features;
    }

    /// <summary>Gets the API.</summary>
    public TgiApi Api { get; }

    /// <summary>Gets whether the response streams.</summary>
    public bool IsStreaming { get; }

    /// <summary>Gets the route path: <c>/v1/chat/completions</c>, <c>/generate</c> or <c>/generate_stream</c>.</summary>
    public string Path => Api == TgiApi.ChatCompletions ? "/v1/chat/completions" : IsStreaming ? "/generate_stream" : "/generate";

    /// <summary>Gets the features of the request that decided the route (the table rows that matched).</summary>
    public IReadOnlyList<string> Features { get; }

    /// <inheritdoc/>
    public override string ToString() => Path;
}
