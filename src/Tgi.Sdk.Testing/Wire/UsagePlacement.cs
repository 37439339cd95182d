// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>Where a chat stream puts <c>usage</c> when <c>include_usage</c> is set.</summary>
internal enum UsagePlacement
{
    /// <summary>Before 2.3: no usage in streams, and no <c>usage</c> key on chunks.</summary>
    None,

    /// <summary>2.3–3.1: on the last content chunk (the one with finish_reason).</summary>
    LastContentChunk,

    /// <summary>3.2 and later: a separate chunk with <c>choices: []</c>.</summary>
    SeparateChunk,
}
