// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Tgi.Sdk.Testing;

/// <summary>
/// An SSE response framed as axum writes it: <c>data: &lt;compact JSON&gt;\n\n</c> (<c>data:</c> without a space
/// before 2.1), the <c>:\n\n</c> keep-alive comment after a silence, no <c>event:</c> or <c>id:</c> fields. JSON is written
/// with one reusable Utf8JsonWriter straight into the response PipeWriter; the stream-shaping faults live here too.
/// </summary>
internal sealed class SseStream : IAsyncDisposable
{
    private static readonly byte[] s_dataWithSpace = "data: "u8.ToArray();
    private static readonly byte[] s_dataNoSpace = "data:"u8.ToArray();
    private static readonly byte[] s_eventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] s_keepAlive = ":\n\n"u8.ToArray();

    private static readonly TimeSpan s_abortGrace = TimeSpan.FromMilliseconds(100);

    private readonly HttpContext _context;
    private readonly EmulatorState _state;
    private readonly FaultSnapshot _faults;
    private readonly PipeWriter _pipe;
    private readonly Utf8JsonWriter _writer;
    private readonly byte[] _dataPrefix;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _done;
    private readonly int _flushEvery;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Task _keepAliveLoop = Task.CompletedTask;
    private long _lastWriteTicks;
    private int _unflushedEvents;
    private bool _oversizePending;
    private bool _ended;

    public SseStream(HttpContext context, EmulatorState state, FaultSnapshot faults)
    {
        _context = context;
        _state = state;
        _faults = faults;
        _pipe = context.Response.BodyWriter;
        _writer = new Utf8JsonWriter(_pipe, JsonResponses.WriterOptions);
        _dataPrefix = state.Profile.SpaceAfterData ? s_dataWithSpace : s_dataNoSpace;
        _done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, state.Stopping);
        _flushEvery = state.Options.FlushEveryEvents;
        _oversizePending = faults.OversizeEventBytes is > 0;
    }

    /// <summary>Gets a token that fires when the client leaves or the emulator stops.</summary>
    public CancellationToken Aborted => _done.Token;

    /// <summary>Gets a value indicating whether the stream must not write any more (aborted, stalled out, or malformed).</summary>
    public bool Ended => _ended || _done.IsCancellationRequested;

    /// <summary>Gets a value indicating whether the next event should be padded to the oversize fault's size.</summary>
    public int? TakeOversizePadding()
    {
        if (!_oversizePending)
        {
            return null;
        }

        _oversizePending = false;
        return _faults.OversizeEventBytes;
    }

    /// <summary>Sends the SSE headers at once (TGI: 200, text/event-stream, cache-control no-cache) and starts the keep-alive timer.</summary>
    public async Task StartAsync(IEnumerable<KeyValuePair<string, string>> extraHeaders)
    {
        HttpResponse response = _context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        foreach (KeyValuePair<string, string> header in extraHeaders)
        {
            response.Headers[header.Key] = header.Value;
        }

        _context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(_done.Token).ConfigureAwait(false);
        await _pipe.FlushAsync(_done.Token).ConfigureAwait(false);
        _lastWriteTicks = _clock.ElapsedTicks;
        _keepAliveLoop = KeepAliveLoopAsync();
    }

    /// <summary>Takes the writer for one event; call <see cref="EndEventAsync"/> when the JSON is written.</summary>
    public async ValueTask<Utf8JsonWriter> BeginEventAsync()
    {
        await _gate.WaitAsync(_done.Token).ConfigureAwait(false);
        _pipe.Write(_dataPrefix);
        _writer.Reset(_pipe);
        return _writer;
    }

    public async ValueTask EndEventAsync(bool forceFlush = false)
    {
        try
        {
            _writer.Flush();
            _pipe.Write(s_eventEnd);
            _lastWriteTicks = _clock.ElapsedTicks;
            if (++_unflushedEvents >= _flushEvery || forceFlush)
            {
                _unflushedEvents = 0;
                await _pipe.FlushAsync(_done.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes an event whose data is the given raw text (for <c>[DONE]</c> and the malformed-event fault).</summary>
    public async ValueTask WriteRawEventAsync(ReadOnlyMemory<byte> data)
    {
        await _gate.WaitAsync(_done.Token).ConfigureAwait(false);
        try
        {
            _pipe.Write(_dataPrefix);
            _pipe.Write(data.Span);
            _pipe.Write(s_eventEnd);
            _lastWriteTicks = _clock.ElapsedTicks;
            _unflushedEvents = 0;
            await _pipe.FlushAsync(_done.Token).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Applies pacing and the per-token faults before token number <paramref name="emitted"/> (0-based) is written.
    /// Returns false when the stream must stop writing (connection aborted, malformed event sent, or stall ended).
    /// </summary>
    /// <exception cref="TgiError">The generation-error fault fired; the route writes its error event.</exception>
    public async ValueTask<bool> BeforeTokenAsync(int emitted)
    {
        if (Ended)
        {
            return false;
        }

        if (_faults.DisconnectAfterTokens is { } disconnectAfter && emitted >= disconnectAfter)
        {
            await FlushPendingAsync().ConfigureAwait(false);
            _ended = true;

            // Kestrel's abort drops output still queued in the transport: give the flushed events time to leave first.
            await Task.Delay(s_abortGrace, _state.Stopping).ConfigureAwait(false);
            _context.Abort();
            return false;
        }

        if (_faults.StallAfterTokens is { } stallAfter && emitted >= stallAfter)
        {
            await FlushPendingAsync().ConfigureAwait(false);
            _ended = true;
            await StallAsync().ConfigureAwait(false);
            return false;
        }

        if (_faults.GenerationErrorAfterTokens is { } failAfter && emitted >= failAfter)
        {
            // The route turns this into its own error event shape (TGI: a mid-generation failure after earlier tokens).
            throw TgiError.Generation("emulated shard failure");
        }

        if (_faults.MalformedEventAfterTokens is { } malformedAfter && emitted >= malformedAfter)
        {
            // Cut JSON: a parser must reject it rather than hang or skip it silently.
            await WriteRawEventAsync("{\"index\":"u8.ToArray()).ConfigureAwait(false);
            _ended = true;
            return false;
        }

        TimeSpan due = TimeSpan.Zero;
        if (_faults.TimeToFirstToken is { } ttft)
        {
            due += ttft;
        }

        if (_faults.TokensPerSecond is { } rate && rate > 0 && emitted > 0)
        {
            due += TimeSpan.FromSeconds(emitted / rate);
        }

        TimeSpan wait = due - _clock.Elapsed;
        if (wait > TimeSpan.FromMilliseconds(1))
        {
            await FlushPendingAsync().ConfigureAwait(false);
            try
            {
                await Task.Delay(wait, _done.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return !Ended;
    }

    /// <summary>Flushes what is buffered and stops the keep-alive timer; the response ends when the handler returns.</summary>
    public async Task CompleteAsync()
    {
        await _done.CancelAsync().ConfigureAwait(false);
        try
        {
            await _keepAliveLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Expected: the loop ends on cancellation.
        }

        if (!_context.RequestAborted.IsCancellationRequested && !_state.Stopping.IsCancellationRequested)
        {
            try
            {
                await _pipe.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException)
            {
                // The client is gone.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_done.IsCancellationRequested)
        {
            await _done.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await _keepAliveLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Expected.
        }

        await _writer.DisposeAsync().ConfigureAwait(false);
        _done.Dispose();
        _gate.Dispose();
    }

    private async Task FlushPendingAsync()
    {
        if (_unflushedEvents == 0)
        {
            return;
        }

        await _gate.WaitAsync(_done.Token).ConfigureAwait(false);
        try
        {
            _unflushedEvents = 0;
            await _pipe.FlushAsync(_done.Token).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task StallAsync()
    {
        try
        {
            // Silence until the client gives up or the emulator is disposed: no events, no keep-alive.
            await _done.CancelAsync().ConfigureAwait(false);
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(_context.RequestAborted, _state.Stopping);
            await Task.Delay(Timeout.Infinite, stall.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client or the emulator ended the stall.
        }
    }

    // TGI (axum KeepAlive): a ":" comment after KeepAliveInterval of silence; the fault sends one every N ms regardless.
    private async Task KeepAliveLoopAsync()
    {
        TimeSpan? every = _faults.KeepAliveEvery;
        TimeSpan interval = every ?? _state.Options.KeepAliveInterval;
        if (interval <= TimeSpan.Zero || interval == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        CancellationToken token = _done.Token;
        while (!token.IsCancellationRequested)
        {
            TimeSpan silence = TimeSpan.FromTicks((long)((_clock.ElapsedTicks - Volatile.Read(ref _lastWriteTicks)) * (TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency)));
            TimeSpan wait = every ?? (interval - silence);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, token).ConfigureAwait(false);
            }

            if (every is null)
            {
                long ticks = _clock.ElapsedTicks - Volatile.Read(ref _lastWriteTicks);
                if (ticks * (TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency) < interval.Ticks)
                {
                    continue;
                }
            }

            await _gate.WaitAsync(token).ConfigureAwait(false);
            try
            {
                _pipe.Write(s_keepAlive);
                _lastWriteTicks = _clock.ElapsedTicks;
                _unflushedEvents = 0;
                await _pipe.FlushAsync(token).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
