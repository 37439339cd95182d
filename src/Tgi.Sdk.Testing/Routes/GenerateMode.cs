// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>Which native route is being served.</summary>
internal enum GenerateMode
{
    /// <summary>POST /generate: one JSON object.</summary>
    Generate,

    /// <summary>POST /generate_stream: SSE.</summary>
    Stream,

    /// <summary>POST /: a JSON array of one, or SSE when <c>stream</c> is true.</summary>
    Compat,
}
