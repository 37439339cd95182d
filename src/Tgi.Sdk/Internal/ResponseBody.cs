// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Buffers;

namespace Tgi.Sdk.Internal;

/// <summary>
/// A response body read with a bound, into a pooled buffer: never more than the limit is read, whatever the server
/// declares or sends, and the count is of decoded bytes (after the handler's decompression), so an endless body or a
/// gzip bomb costs at most the limit. Dispose it once to return the buffer.
/// </summary>
/// <remarks>
/// Cost: when the body declares its length (no compression), the buffer is rented at that size and filled with no
/// copy; otherwise it starts small and doubles. The body is parsed straight from the buffer.
/// </remarks>
internal readonly struct ResponseBody : IDisposable
{
    private const int InitialSize = 16 * 1024;

    private readonly byte[]? _buffer;

    private ResponseBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    /// <summary>Gets the number of bytes read.</summary>
    public int Length { get; }

    /// <summary>Gets the bytes read.</summary>
    public ReadOnlyMemory<byte> Memory => _buffer is null ? default : _buffer.AsMemory(0, Length);

    /// <summary>Gets the bytes read.</summary>
    public ReadOnlySpan<byte> Span => _buffer is null ? default : _buffer.AsSpan(0, Length);

    /// <summary>Reads a whole body, failing once it exceeds the limit.</summary>
    /// <param name="content">The content.</param>
    /// <param name="status">The HTTP status, for the error.</param>
    /// <param name="maxSize">The most bytes allowed.</param>
    /// <param name="cancellationToken">The token.</param>
    /// <returns>The body.</returns>
    /// <exception cref="TgiException">The body (or its declared length) exceeds <paramref name="maxSize"/>.</exception>
    public static async ValueTask<ResponseBody> ReadAsync(HttpContent content, int status, long maxSize, CancellationToken cancellationToken)
    {
        long? declared = content.Headers.ContentLength;
        if (declared > maxSize)
        {
            // No byte is read: a server that announces 1 GiB gets a typed error at once.
            ThrowHelper.ThrowResponseTooLarge(status, maxSize, declared);
        }

        // One byte more than allowed is the most ever read: reading it proves the body is too large.
        int limit = (int)Math.Min(maxSize + 1, Array.MaxLength);
        return await ReadCoreAsync(content, declared, limit, truncate: false, status, maxSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> of a body and ignores the rest (for error bodies).</summary>
    /// <param name="content">The content.</param>
    /// <param name="maxBytes">The most bytes read.</param>
    /// <param name="cancellationToken">The token.</param>
    /// <returns>The first bytes of the body.</returns>
    public static ValueTask<ResponseBody> ReadPrefixAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken) =>
        ReadCoreAsync(content, content.Headers.ContentLength, maxBytes, truncate: true, status: 0, maxBytes, cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_buffer is { Length: > 0 })
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }

    private static async ValueTask<ResponseBody> ReadCoreAsync(
        HttpContent content,
        long? declared,
        int limit,
        bool truncate,
        int status,
        long maxSize,
        CancellationToken cancellationToken)
    {
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        int expected = declared is { } n && n < limit ? (int)n : -1;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(expected >= 0 ? Math.Max(expected, 1) : Math.Min(InitialSize, limit));
        int length = 0;
        bool ended = false;
        try
        {
            while (true)
            {
                if (length == expected)
                {
                    ended = true;
                    break;
                }

                if (length == buffer.Length)
                {
                    if (length >= limit)
                    {
                        break;
                    }

                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit));
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int room = Math.Min(buffer.Length, limit) - length;
                if (room <= 0)
                {
                    break;
                }

                int read = await stream.ReadAsync(buffer.AsMemory(length, room), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    ended = true;
                    break;
                }

                length += read;
            }

            // Stopped at the limit with more to come (a limit above the largest array stops short of maxSize + 1).
            if (!truncate && (length > maxSize || !ended))
            {
                ThrowHelper.ThrowResponseTooLarge(status, maxSize, declared: null);
            }

            return new ResponseBody(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
