// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers;

/// <summary>The TGI API a request is sent to.</summary>
public enum TgiApi
{
    /// <summary>The native API: <c>/generate</c>, or <c>/generate_stream</c> when streaming.</summary>
    Generate,

    /// <summary>The OpenAI-compatible chat API: <c>/v1/chat/completions</c>.</summary>
    ChatCompletions,
}
