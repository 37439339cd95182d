// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Tgi.Sdk.Internal;

namespace Tgi.Sdk.Streaming;

/// <summary>
/// A UTF-8 server-sent-events framer over a stream: it reads pooled byte buffers, splits lines on CR, LF or CRLF,
/// and hands out the <c>data</c> of each event as a span, with no per-event allocation.
/// </summary>
/// <remarks>
/// <para>Spec (WHATWG HTML §9.2.6): a leading BOM is skipped; lines starting with <c>:</c> are comments; a field's value
/// loses one leading space; several <c>data</c> lines join with LF; a blank line dispatches the event; an event with
/// empty data is not dispatched; an incomplete event at end of stream is discarded.</para>
/// <para>TGI: events are <c>data: &lt;json&gt;\n\n</c> (axum 0.7, ≥2.1.0) or <c>data:&lt;json&gt;</c> with no space
/// (≤2.0.x); keep-alives are <c>:\n\n</c>; chat streams may send a bare blank line.</para>
/// <para>Usage: call <see cref="TryReadEvent"/> until it returns false, then <see cref="FillAsync"/>; the span from
/// <see cref="TryReadEvent"/> is valid until the next call on this reader.</para>
/// <para>Memory: an open stream mostly waits (the model is thinking), so the reader holds no buffer between events
/// once it has caught up with the server (a read returned less than it asked for, and every byte was handed out):
/// <see cref="ReleaseIfDrained"/> returns the read buffer to the pool, the next wait is a zero-byte read, and the
/// buffer is rented back only when bytes are there. The buffer that joins several data lines is rented only for such
/// events, which TGI never sends. A stream that delivers more than a buffer per read never releases it.</para>
/// </remarks>
internal sealed class SseEventReader : IDisposable
{
#if DEBUG
    // Small in DEBUG to stress the growth and shifting logic.
    private const int InitialBufferSize = 64;
#else
    private const int InitialBufferSize = 8 * 1024;
#endif

    // Room for the field name, colon, space and line terminators around the largest allowed data.
    private const int LineOverhead = 16;

    // The smallest data buffer rented, so a few short multi-line events do not rent one size after another.
    private const int MinDataBufferSize = 256;

    private readonly Stream _stream;
    private readonly int _maxEventSize;
    private readonly TimeSpan _idleTimeout;
    private readonly TimeSpan _eventTimeout;
    private readonly CancellationToken _cancellationToken;

    // The time spent waiting for the server since the last event: keep-alives and partial events do not reset it.
    private TimeSpan _waitedSinceEvent;
    private CancellationTokenSource? _idleCts;
    private byte[] _buffer = [];
    private int _start;
    private int _end;
    private byte[] _data = [];
    private int _dataLength;
    private bool _hasData;

    // A single data line is not copied: it is handed out from the read buffer (the fast path).
    private bool _singleInBuffer;
    private int _singleStart;
    private int _singleLength;
    private bool _eof;
    private bool _caughtUp;
    private bool _skipLf;
    private bool _bomChecked;
    private bool _disposed;

    // CancelAfter takes at most about 49 days; a longer limit is as good as none.
    private static readonly TimeSpan s_maxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>Initializes a new instance.</summary>
    /// <param name="stream">The response stream.</param>
    /// <param name="maxEventSize">The largest event data allowed, in bytes.</param>
    /// <param name="idleTimeout">The longest a single read may wait.</param>
    /// <param name="cancellationToken">The caller's token, for every read.</param>
    public SseEventReader(Stream stream, int maxEventSize, TimeSpan idleTimeout, CancellationToken cancellationToken)
        : this(stream, maxEventSize, idleTimeout, Timeout.InfiniteTimeSpan, cancellationToken)
    {
    }

    /// <summary>Initializes a new instance with a limit on the wait for each event.</summary>
    /// <param name="stream">The response stream.</param>
    /// <param name="maxEventSize">The largest event data allowed, in bytes.</param>
    /// <param name="idleTimeout">The longest a single read may wait.</param>
    /// <param name="eventTimeout">The longest the reads between two events may wait in all.</param>
    /// <param name="cancellationToken">The caller's token, for every read.</param>
    public SseEventReader(Stream stream, int maxEventSize, TimeSpan idleTimeout, TimeSpan eventTimeout, CancellationToken cancellationToken)
    {
        _stream = stream;
        _maxEventSize = maxEventSize;
        _idleTimeout = idleTimeout;
        _eventTimeout = eventTimeout;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Gets a value indicating whether the end of the stream was reached.</summary>
    public bool IsEndOfStream => _eof;

    /// <summary>Gets the size of the pooled read buffer held right now (for tests of what an idle stream keeps).</summary>
    internal int ReadBufferBytes => _buffer.Length;

    /// <summary>Gets the size of the pooled buffer for joined or carried-over data held right now (for tests).</summary>
    internal int DataBufferBytes => _data.Length;

    /// <summary>Tries to frame the next event from the bytes already read.</summary>
    /// <param name="data">The event's data, valid until the next call on this reader.</param>
    /// <returns><see langword="true"/> if an event was framed; <see langword="false"/> if more bytes are needed.</returns>
    public bool TryReadEvent(out ReadOnlySpan<byte> data)
    {
        while (true)
        {
            ReadOnlySpan<byte> span = _buffer.AsSpan(_start, _end - _start);
            if (_skipLf)
            {
                // Spec: CRLF is one line end, even when the CR and the LF arrive in different reads.
                if (span.IsEmpty)
                {
                    break;
                }

                _skipLf = false;
                if (span[0] == (byte)'\n')
                {
                    _start++;
                    continue;
                }
            }

            if (!_bomChecked)
            {
                // Spec: "One leading U+FEFF BYTE ORDER MARK character must be ignored if any are present."
                ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
                if (span.Length < bom.Length && !_eof && bom.StartsWith(span))
                {
                    break;
                }

                _bomChecked = true;
                if (span.StartsWith(bom))
                {
                    _start += bom.Length;
                    continue;
                }
            }

            int i = span.IndexOfAny((byte)'\r', (byte)'\n');
            if (i < 0)
            {
                if (span.Length > _maxEventSize + LineOverhead)
                {
                    ThrowHelper.ThrowOversizeEvent(_maxEventSize);
                }

                break;
            }

            ReadOnlySpan<byte> line = span[..i];
            int lineStart = _start;
            _start += i + 1;
            if (span[i] == (byte)'\r')
            {
                if (i + 1 < span.Length)
                {
                    if (span[i + 1] == (byte)'\n')
                    {
                        _start++;
                    }
                }
                else
                {
                    _skipLf = true;
                }
            }

            if (line.IsEmpty)
            {
                // Spec: "If the line is empty (a blank line), dispatch the event"; an empty data buffer dispatches nothing.
                // TGI: keep-alive comments and bare blank lines end up here and are skipped.
                if (_hasData && (_singleInBuffer ? _singleLength : _dataLength) > 0)
                {
                    // The buffer is only moved by FillAsync, so the span stays valid until the caller asks again.
                    data = _singleInBuffer ? _buffer.AsSpan(_singleStart, _singleLength) : _data.AsSpan(0, _dataLength);
                    _waitedSinceEvent = TimeSpan.Zero;
                    _hasData = false;
                    _singleInBuffer = false;
                    _dataLength = 0;
                    return true;
                }

                _hasData = false;
                _singleInBuffer = false;
                _dataLength = 0;
                continue;
            }

            ProcessLine(line, lineStart);
        }

        data = default;
        return false;
    }

    /// <summary>
    /// Returns the buffers to the pool if nothing is buffered and the last read drained what the server had sent, so a
    /// stream whose caller holds an update while the model thinks keeps no buffer. The span of the last event is no
    /// longer valid afterwards.
    /// </summary>
    public void ReleaseIfDrained()
    {
        if (_caughtUp && _start == _end && !_singleInBuffer && _buffer.Length > 0)
        {
            ReturnToPool(ref _buffer);
            _start = 0;
            _end = 0;
            if (!_hasData)
            {
                ReturnToPool(ref _data);
            }
        }
    }

    /// <summary>Reads more bytes, waiting at most the idle timeout.</summary>
    /// <returns><see langword="false"/> once the end of the stream was reached before this call.</returns>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> FillAsync()
    {
        if (_eof)
        {
            return false;
        }

        if (_singleInBuffer)
        {
            // The buffer is about to move: keep the pending data line.
            MaterializeSingle();
        }

        if (_start > 0)
        {
            int remaining = _end - _start;
            if (remaining > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, remaining);
            }

            _start = 0;
            _end = remaining;
        }

        if (_end == 0 && _caughtUp && !_disposed)
        {
            // Nothing buffered, and the server had nothing more at the last read: wait without holding the buffers
            // (the data buffer too, unless it holds the start of an event). A zero-byte read completes when bytes
            // arrive (or at once, on streams that do not wait for it).
            ReturnToPool(ref _buffer);
            if (!_hasData)
            {
                ReturnToPool(ref _data);
            }

            await ReadAsync(Memory<byte>.Empty).ConfigureAwait(false);
        }

        if (_buffer.Length == 0)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, _maxEventSize + LineOverhead));
        }
        else if (_end == _buffer.Length)
        {
            Grow(ref _buffer, _end, _maxEventSize + LineOverhead);
        }

        int free = _buffer.Length - _end;
        int read = await ReadAsync(_buffer.AsMemory(_end)).ConfigureAwait(false);
        if (read == 0)
        {
            _eof = true;
        }

        // A short read means the server sent no more for now (a live stream); a full one, that more is waiting.
        _caughtUp = read < free;
        _end += read;
        return true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _idleCts?.Dispose();
        ReturnToPool(ref _buffer);
        ReturnToPool(ref _data);
    }

    private void ProcessLine(ReadOnlySpan<byte> line, int lineStart)
    {
        // Spec: "If the line starts with a U+003A COLON character (:), ignore the line."
        if (line[0] == (byte)':')
        {
            return;
        }

        int colon = line.IndexOf((byte)':');
        ReadOnlySpan<byte> field = colon < 0 ? line : line[..colon];
        if (!field.SequenceEqual("data"u8))
        {
            // TGI sends no event, id or retry fields; they carry nothing this client needs.
            return;
        }

        ReadOnlySpan<byte> value = colon < 0 ? default : line[(colon + 1)..];
        if (!value.IsEmpty && value[0] == (byte)' ')
        {
            // Spec: "If value starts with a U+0020 SPACE character, remove it from value." TGI ≤2.0 sent no space.
            value = value[1..];
        }

        if (!_hasData)
        {
            if (value.Length > _maxEventSize)
            {
                ThrowHelper.ThrowOversizeEvent(_maxEventSize);
            }

            _singleInBuffer = true;
            _singleStart = lineStart + (line.Length - value.Length);
            _singleLength = value.Length;
            _hasData = true;
            return;
        }

        if (_singleInBuffer)
        {
            MaterializeSingle();
        }

        int needed = _dataLength + value.Length + 1;
        if (needed > _maxEventSize)
        {
            ThrowHelper.ThrowOversizeEvent(_maxEventSize);
        }

        if (needed > _data.Length)
        {
            Grow(ref _data, _dataLength, _maxEventSize, Math.Max(needed, MinDataBufferSize));
        }

        // Spec: data lines are joined with a single LF.
        _data[_dataLength++] = (byte)'\n';
        value.CopyTo(_data.AsSpan(_dataLength));
        _dataLength += value.Length;
    }

    private void MaterializeSingle()
    {
        if (_singleLength > _data.Length)
        {
            Grow(ref _data, 0, _maxEventSize, Math.Max(_singleLength, MinDataBufferSize));
        }

        Buffer.BlockCopy(_buffer, _singleStart, _data, 0, _singleLength);
        _dataLength = _singleLength;
        _singleInBuffer = false;
    }

    private static void Grow(ref byte[] array, int used, int cap, int needed = 0)
    {
        int size = Math.Max((int)Math.Min((long)array.Length * 2, cap), needed);
        if (size <= array.Length)
        {
            size = array.Length + 1;
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(size);
        Buffer.BlockCopy(array, 0, larger, 0, used);
        ReturnToPool(ref array);
        array = larger;
    }

    private static void ReturnToPool(ref byte[] array)
    {
        // The empty array stands for "none rented" (before the first read, while waiting, after Dispose).
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
            array = [];
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReadAsync(Memory<byte> memory)
    {
        bool eventBound = false;
        try
        {
            if (_idleTimeout == Timeout.InfiniteTimeSpan && _eventTimeout == Timeout.InfiniteTimeSpan)
            {
                return await _stream.ReadAsync(memory, _cancellationToken).ConfigureAwait(false);
            }

            // This read may wait the idle timeout, or what is left of the event timeout if that is shorter.
            TimeSpan limit = _idleTimeout;
            if (_eventTimeout != Timeout.InfiniteTimeSpan)
            {
                TimeSpan left = _eventTimeout - _waitedSinceEvent;
                if (left <= TimeSpan.Zero)
                {
                    ThrowHelper.ThrowEventTimeout(_eventTimeout, null);
                }

                if (limit == Timeout.InfiniteTimeSpan || left < limit)
                {
                    limit = left;
                    eventBound = true;
                }
            }

            _idleCts ??= CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
            _idleCts.CancelAfter(limit < s_maxTimerDelay ? limit : s_maxTimerDelay);
            long started = _eventTimeout == Timeout.InfiniteTimeSpan ? 0 : Stopwatch.GetTimestamp();
            int read = await _stream.ReadAsync(memory, _idleCts.Token).ConfigureAwait(false);

            // Stop the clock while the caller works on the events: only the wait for bytes counts.
            _idleCts.CancelAfter(Timeout.InfiniteTimeSpan);
            if (started != 0)
            {
                _waitedSinceEvent += Stopwatch.GetElapsedTime(started);
            }

            return read;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException
            && !_cancellationToken.IsCancellationRequested
            && eventBound
            && _idleCts is { IsCancellationRequested: true })
        {
            ThrowHelper.ThrowEventTimeout(_eventTimeout, e);
            return 0;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException
            && !_cancellationToken.IsCancellationRequested
            && _idleCts is { IsCancellationRequested: true })
        {
            ThrowHelper.ThrowIdleTimeout(_idleTimeout, e);
            return 0;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException
            && _cancellationToken.IsCancellationRequested)
        {
            // The caller cancelled: report it against the caller's token, whatever the transport threw.
            throw new OperationCanceledException("The stream was cancelled.", e, _cancellationToken);
        }
        catch (Exception e) when (e is IOException or HttpRequestException && !_cancellationToken.IsCancellationRequested)
        {
            // TGI closes the connection after the last event; an abort before it is a cut stream.
            ThrowHelper.ThrowStreamCut("its natural end", e);
            return 0;
        }
        catch (InvalidDataException e)
        {
            // A stream the handler cannot decompress (corrupt gzip or deflate) is not TGI's format.
            ThrowHelper.ThrowUndecodableBody(e);
            return 0;
        }
    }
}
