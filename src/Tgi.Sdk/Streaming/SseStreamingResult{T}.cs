// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Runtime.CompilerServices;
using Tgi.Sdk.Internal;
using Tgi.Sdk.Telemetry;

namespace Tgi.Sdk.Streaming;

/// <summary>The <see cref="TgiStreamingResult{T}"/> behind every streaming method: SSE over one HTTP response.</summary>
/// <typeparam name="T">The update type.</typeparam>
internal sealed class SseStreamingResult<T> : TgiStreamingResult<T>
{
    private readonly Func<CancellationToken, Task<HttpResponseMessage>> _send;
    private readonly Func<StreamEventHandler<T>> _createHandler;
    private readonly int _maxEventSize;
    private readonly TimeSpan _idleTimeout;
    private readonly TimeSpan _eventTimeout;
    private readonly CancellationToken _methodToken;
    private readonly StreamTelemetry<T>? _telemetry;
    private readonly SecretRedactor _redactor;
    private readonly Func<TgiException, bool>? _onFailure;
    private TgiRawResponse? _rawResponse;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="send">Sends the request and returns a successful response (headers read), or throws a <see cref="TgiException"/>.</param>
    /// <param name="createHandler">Creates the route's event handler.</param>
    /// <param name="maxEventSize">The maximum event size.</param>
    /// <param name="idleTimeout">The stream idle timeout.</param>
    /// <param name="eventTimeout">The stream event timeout.</param>
    /// <param name="methodToken">The token given to the streaming method; combined with the enumerator's token.</param>
    /// <param name="telemetry">How to report the stream to OpenTelemetry, or null when nobody listens.</param>
    /// <param name="redactor">Removes the client's secrets from the errors the stream reports, or null for none.</param>
    /// <param name="onFailure">Logs a failure while the stream is read (the send logs its own), or null.</param>
    public SseStreamingResult(
        Func<CancellationToken, Task<HttpResponseMessage>> send,
        Func<StreamEventHandler<T>> createHandler,
        int maxEventSize,
        TimeSpan idleTimeout,
        TimeSpan eventTimeout,
        CancellationToken methodToken,
        StreamTelemetry<T>? telemetry = null,
        SecretRedactor? redactor = null,
        Func<TgiException, bool>? onFailure = null)
    {
        _eventTimeout = eventTimeout;
        _onFailure = onFailure;
        _telemetry = telemetry;
        _redactor = redactor ?? SecretRedactor.None;
        _methodToken = methodToken;
        _send = send;
        _createHandler = createHandler;
        _maxEventSize = maxEventSize;
        _idleTimeout = idleTimeout;
    }

    /// <inheritdoc/>
    public override TgiRawResponse GetRawResponse() =>
        _rawResponse ?? throw new InvalidOperationException("The stream has not been enumerated yet: the request is sent on the first MoveNextAsync.");

    /// <inheritdoc/>
    public override IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new Enumerator(this, cancellationToken);

    /// <summary>The enumerator: sends on the first MoveNextAsync, frames and parses synchronously from buffered bytes.</summary>
    private sealed class Enumerator : IAsyncEnumerator<T>
    {
        private readonly SseStreamingResult<T> _owner;
        private readonly CancellationToken _cancellationToken;
        private readonly CancellationTokenSource? _linkedCts;
        private readonly StreamEventHandler<T> _handler;
        private HttpResponseMessage? _response;
        private SseEventReader? _reader;
        private TgiOperation? _operation;
        private T _current = default!;
        private bool _done;
        private bool _failureLogged;

        public Enumerator(SseStreamingResult<T> owner, CancellationToken cancellationToken)
        {
            _owner = owner;
            if (owner._methodToken.CanBeCanceled && cancellationToken.CanBeCanceled && owner._methodToken != cancellationToken)
            {
                _linkedCts = CancellationTokenSource.CreateLinkedTokenSource(owner._methodToken, cancellationToken);
                _cancellationToken = _linkedCts.Token;
            }
            else
            {
                _cancellationToken = cancellationToken.CanBeCanceled ? cancellationToken : owner._methodToken;
            }

            _handler = owner._createHandler();
        }

        public T Current => _current;

        public ValueTask<bool> MoveNextAsync()
        {
            if (_reader is not null && !_done)
            {
                if (_handler.IsComplete)
                {
                    // TGI: /generate_stream closes after its last event; nothing more to read.
                    _done = true;
                    Close();
                    return new ValueTask<bool>(false);
                }

                // Events the reader already buffered come back without another read, so check here.
                _cancellationToken.ThrowIfCancellationRequested();
                switch (ProcessBuffered())
                {
                    case 1:
                        return new ValueTask<bool>(true);
                    case 0:
                        return new ValueTask<bool>(false);
                }
            }

            return MoveNextSlowAsync();
        }

        public ValueTask DisposeAsync()
        {
            _done = true;
            Close();
            _linkedCts?.Dispose();
            return default;
        }

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        private async ValueTask<bool> MoveNextSlowAsync()
        {
            if (_done)
            {
                return false;
            }

            try
            {
                if (_reader is null)
                {
                    // Started here, where the request is sent, so the HttpClient span nests under the stream's span.
                    _operation = _owner._telemetry?.Start();
                    _response = await _owner._send(_cancellationToken).ConfigureAwait(false);
                    _owner._rawResponse = TgiRawResponse.From(_response);
                    _operation?.SetResponseHeaders(_owner._rawResponse);
                    Stream stream = await _response.Content.ReadAsStreamAsync(_cancellationToken).ConfigureAwait(false);
                    _reader = new SseEventReader(stream, _owner._maxEventSize, _owner._idleTimeout, _owner._eventTimeout, _cancellationToken);
                }

                while (true)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    switch (ProcessBuffered())
                    {
                        case 1:
                            return true;
                        case 0:
                            return false;
                    }

                    if (!await _reader.FillAsync().ConfigureAwait(false))
                    {
                        _done = true;
                        _handler.OnEndOfStream();
                        Close();
                        return false;
                    }
                }
            }
            catch (Exception e)
            {
                Fail(e);
                throw;
            }
        }

        /// <summary>Returns 1 for an update, 0 for the end, -1 when more bytes are needed.</summary>
        private int ProcessBuffered()
        {
            try
            {
                while (_reader!.TryReadEvent(out ReadOnlySpan<byte> data))
                {
                    switch (_handler.Handle(data, out _current))
                    {
                        case StreamEventResult.Item:
                            if (_operation is not null)
                            {
                                _operation.FirstChunk();
                                _owner._telemetry!.Observe(_operation, in _current);
                            }

                            // The update owns its bytes: a caught-up stream need not hold the read buffer while the
                            // caller has the update (an open stream mostly waits for the model).
                            _reader.ReleaseIfDrained();
                            return 1;
                        case StreamEventResult.End:
                            _done = true;
                            Close();
                            return 0;
                    }
                }

                return -1;
            }
            catch (Exception e)
            {
                Fail(e);
                throw;
            }
        }

        /// <summary>Ends the stream with an error; throws the redacted copy when the error held one of the client's secrets.</summary>
        private void Fail(Exception e)
        {
            _done = true;
            Exception failure = _owner._redactor.Redact(e);
            _operation?.Fail(failure);
            LogFailure(failure);
            Close();
            if (!ReferenceEquals(failure, e))
            {
                throw failure;
            }
        }

        private void LogFailure(Exception e)
        {
            // Once per stream (a failure in ProcessBuffered also passes through MoveNextSlowAsync), and only for
            // failures while reading: the send logs its own.
            if (!_failureLogged && _reader is not null && e is TgiException failure && _owner._onFailure is { } onFailure)
            {
                _failureLogged = true;
                onFailure(failure);
            }
        }

        private void Close()
        {
            // Disposing the response closes the connection when the body was not read to the end, so the server
            // sees the client leave (TGI then stops generating for this request).
            _response?.Dispose();
            _response = null;
            _reader?.Dispose();
            _handler.Release();

            // The stream's span ends with the stream: at its end, at an error, or when the caller stops reading.
            _operation?.End();
        }
    }
}
