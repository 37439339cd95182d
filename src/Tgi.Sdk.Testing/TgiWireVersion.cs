// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>The TGI wire format the emulator speaks (API.md §4–§5.5).</summary>
public enum TgiWireVersion
{
    /// <summary>
    /// TGI 1.4.3–2.0.0: SSE written as <c>data:</c> with no space, tool call <c>id</c> is the integer 0, the function is
    /// named <c>tools</c> and carries <c>parameters</c>, streamed <c>tool_calls</c> is an object, no usage in streams.
    /// </summary>
    V2_0,

    /// <summary>
    /// TGI 2.4–3.1: tool <c>arguments</c> is a JSON object, streamed <c>tool_calls</c> is an object carrying the raw grammar
    /// JSON and the EOS text, usage rides on the last content chunk, <c>no_tool</c> content is returned from one generation.
    /// </summary>
    V2_4,

    /// <summary>TGI 3.3 (current): arguments as a JSON string, separate usage chunk, no_tool triggers a second generation.</summary>
    V3_3,
}
