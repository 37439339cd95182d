// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>What tool_choice auto adds so the model may decline to call a tool.</summary>
internal enum NoToolBehaviour
{
    /// <summary>≤2.0.0: nothing; the model must call a tool.</summary>
    None,

    /// <summary>2.0.1–2.3.0: an injected <c>notify_error(error)</c> tool, returned like any tool call.</summary>
    NotifyError,

    /// <summary>2.4.0–3.1: <c>no_tool(content)</c>; its content is returned as the answer from one generation.</summary>
    NoToolContent,

    /// <summary>3.2 and later: <c>no_tool</c> is discarded and a second generation runs without tools.</summary>
    NoToolRegenerate,
}
