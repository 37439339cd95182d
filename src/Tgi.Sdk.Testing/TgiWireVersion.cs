// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>The TGI wire format the emulator speaks: SSE framing, tool-call shapes, usage placement and the no-tool rule.</summary>
public enum TgiWireVersion
{
    /// <summary>
    /// TGI 1.4.3–2.0.3 (reports 2.0.0): SSE written as <c>data:</c> with no space, tool call <c>id</c> is the integer 0,
    /// the function is named <c>tools</c> and carries <c>parameters</c>, streamed <c>tool_calls</c> is an object, no usage
    /// in streams. Tools apply only with a <c>tool_choice</c> and <c>auto</c> always calls one; there is no
    /// <c>response_format</c>, chat <c>temperature</c> 0 is rejected, completions streams end without <c>[DONE]</c>, and
    /// <c>/v1/models</c> does not exist.
    /// </summary>
    V2_0,

    /// <summary>
    /// TGI 2.0.4–3.1 (reports 2.4.1): tool <c>arguments</c> is a JSON object, streamed <c>tool_calls</c> is an object
    /// carrying the raw grammar JSON and the EOS text, usage rides on the last content chunk, <c>no_tool</c> content is
    /// returned from one generation. Until 3.1.1 every message needs <c>content</c> (replayed <c>tool_calls</c> are not
    /// read), and until 3.0.2 <c>max_completion_tokens</c> is ignored.
    /// </summary>
    V2_4,

    /// <summary>TGI 3.3 (current): arguments as a JSON string, separate usage chunk, no_tool triggers a second generation.</summary>
    V3_3,
}
