// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers;

/// <summary>The features a caller may ask a provider about with <see cref="TgiProvider.SupportsFeature"/>.</summary>
public enum TgiProviderFeature
{
    /// <summary>Responses streamed token by token.</summary>
    Streaming,

    /// <summary>Tools (function calling).</summary>
    FunctionCalling,

    /// <summary>A JSON <c>response_format</c>.</summary>
    JsonMode,

    /// <summary>Grammars: JSON schema or regex constrained output.</summary>
    GuidedGeneration,

    /// <summary>Exact token counts through <c>/tokenize</c>.</summary>
    TokenCounting,

    /// <summary>Token details (logprobs, top tokens, best_of) from <c>/generate</c>.</summary>
    Details,
}
