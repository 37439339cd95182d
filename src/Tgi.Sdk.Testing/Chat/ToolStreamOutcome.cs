// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>How a 3.2+ tool stream ended.</summary>
internal enum ToolStreamOutcome
{
    /// <summary>A tool call was streamed.</summary>
    Streamed,

    /// <summary>The model chose no_tool; nothing was sent and a second generation must answer.</summary>
    NoTool,

    /// <summary>A fault or the client ended the stream.</summary>
    Aborted,
}
