// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Cli.Bench;

/// <summary>The route a benchmark streams from.</summary>
internal enum BenchRoute
{
    /// <summary>TGI's native <c>/generate_stream</c>.</summary>
    Generate,

    /// <summary>The OpenAI-compatible <c>/v1/chat/completions</c> with <c>stream: true</c>.</summary>
    Chat,
}
