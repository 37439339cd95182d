// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Tests.Infrastructure;

/// <summary>
/// A read-only stream over a payload that returns at most <c>chunkSize</c> bytes per read (like a server flushing
/// each event), records every read's requested size, and runs a callback on each zero-byte read. After the payload it
/// can wait forever (a stalled server) instead of ending.
/// </summary>
internal sealed class ReadRecordingStream(byte[] payload, int chunkSize, bool stallAtEnd = false) : Stream
{
    private int _position;

    /// <summary>Gets the size of every read asked for, in order.</summary>
    public List<int> RequestedSizes { get; } = [];

    /// <summary>Gets or sets what runs on every zero-byte read (before it completes).</summary>
    public Action? OnZeroByteRead { get; set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => payload.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Async only.");

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        RequestedSizes.Add(buffer.Length);
        if (buffer.IsEmpty)
        {
            OnZeroByteRead?.Invoke();
        }

        if (_position == payload.Length && stallAtEnd)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        await Task.Yield();
        int n = Math.Min(Math.Min(chunkSize, buffer.Length), payload.Length - _position);
        payload.AsSpan(_position, n).CopyTo(buffer.Span);
        _position += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
