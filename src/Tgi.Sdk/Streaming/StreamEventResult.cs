// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Streaming;

/// <summary>What an SSE event meant to its route's handler.</summary>
internal enum StreamEventResult
{
    /// <summary>The event is an update for the caller.</summary>
    Item,

    /// <summary>The event carries nothing for the caller (for example a chat chunk with no choices and no usage).</summary>
    Skip,

    /// <summary>The event ends the stream (<c>[DONE]</c>, or the last <c>/generate_stream</c> event after it was yielded).</summary>
    End,
}
