// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Benchmarks.Peers.Limit;

/// <summary>
/// The lower bound: read the stream and count event boundaries (<c>\n\n</c>) and nothing else. No parsing, no
/// allocation; the caller owns the buffer.
/// </summary>
internal static class FrameScanner
{
    public const int BufferSize = 16 * 1024;

    /// <summary>Counts every <c>\n\n</c> in the stream.</summary>
    public static async ValueTask<int> CountEventsAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken = default)
    {
        int events = 0;
        bool carriedNewline = false;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            events += Count(buffer.AsSpan(0, read), ref carriedNewline);
        }

        return events;
    }

    /// <summary>Reads until the first <c>\n\n</c>; returns the bytes read up to it, or -1 at end of stream.</summary>
    public static async ValueTask<int> ReadFirstEventAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken = default)
    {
        int total = 0;
        bool carriedNewline = false;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            ReadOnlySpan<byte> span = buffer.AsSpan(0, read);
            if (carriedNewline && span[0] == (byte)'\n')
            {
                return total + 1;
            }

            int at = span.IndexOf("\n\n"u8);
            if (at >= 0)
            {
                return total + at + 2;
            }

            total += read;
            carriedNewline = span[^1] == (byte)'\n';
        }

        return -1;
    }

    private static int Count(ReadOnlySpan<byte> span, ref bool carriedNewline)
    {
        int events = 0;
        // A boundary split across two reads: the previous read ended in \n and this one starts with \n.
        if (carriedNewline && span[0] == (byte)'\n')
        {
            events++;
            span = span[1..];
        }

        int at;
        while ((at = span.IndexOf("\n\n"u8)) >= 0)
        {
            events++;
            span = span[(at + 2)..];
        }

        carriedNewline = !span.IsEmpty && span[^1] == (byte)'\n';
        return events;
    }
}
