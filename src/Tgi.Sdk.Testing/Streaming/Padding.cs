// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>The oversize-event fault: pads the first event's text so the whole event reaches the requested size.</summary>
internal static class Padding
{
    public static string? For(SseStream stream, string text)
    {
        int? size = stream.TakeOversizePadding();
        return size is { } bytes ? text + new string('x', Math.Max(0, bytes)) : null;
    }
}
