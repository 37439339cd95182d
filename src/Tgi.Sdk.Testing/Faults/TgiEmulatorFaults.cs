// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>
/// Misbehaviour on demand. Every setting is thread-safe and applies to requests that start after it is set.
/// </summary>
public sealed class TgiEmulatorFaults
{
    private readonly Lock _gate = new();
    private TimeSpan? _keepAliveEvery;
    private TimeSpan? _timeToFirstToken;
    private double? _tokensPerSecond;
    private int? _disconnectAfterTokens;
    private int? _stallAfterTokens;
    private int _overloadNextRequests;
    private bool _unavailable;
    private TimeSpan? _responseHeadersDelay;
    private int? _malformedEventAfterTokens;
    private int? _oversizeEventBytes;
    private int _failNextRequestsWithGenerationError;
    private int? _generationErrorAfterTokens;

    /// <summary>Gets or sets an interval at which streams send the <c>:</c> keep-alive comment regardless of traffic.</summary>
    public TimeSpan? KeepAliveEvery { get => Read(ref _keepAliveEvery); set => Write(ref _keepAliveEvery, value); }

    /// <summary>Gets or sets the delay before the first generated token (applies to streams and to non-stream responses).</summary>
    public TimeSpan? TimeToFirstToken { get => Read(ref _timeToFirstToken); set => Write(ref _timeToFirstToken, value); }

    /// <summary>Gets or sets the pace of generation after the first token; null is as fast as possible.</summary>
    public double? TokensPerSecond { get => Read(ref _tokensPerSecond); set => Write(ref _tokensPerSecond, value); }

    /// <summary>Gets or sets a token count after which a stream's TCP connection is aborted (no terminating frame).</summary>
    public int? DisconnectAfterTokens { get => Read(ref _disconnectAfterTokens); set => Write(ref _disconnectAfterTokens, value); }

    /// <summary>Gets or sets a token count after which a stream goes silent forever (until the client or the emulator goes away).</summary>
    public int? StallAfterTokens { get => Read(ref _stallAfterTokens); set => Write(ref _stallAfterTokens, value); }

    /// <summary>Gets or sets how many of the next generation requests fail with TGI's overloaded error (429, or an in-stream event).</summary>
    public int OverloadNextRequests { get => Read(ref _overloadNextRequests); set => Write(ref _overloadNextRequests, value); }

    /// <summary>
    /// Gets or sets how many of the next generation requests fail with TGI's 424 generation error (or the in-stream event).
    /// </summary>
    public int FailNextRequestsWithGenerationError
    {
        get => Read(ref _failNextRequestsWithGenerationError);
        set => Write(ref _failNextRequestsWithGenerationError, value);
    }

    /// <summary>
    /// Gets or sets a token count after which a stream fails mid-generation with TGI's generation error event
    /// (native: <c>{"error","error_type":"generation"}</c> then the connection closes; chat and completions: the
    /// OpenAI-style error event, then <c>[DONE]</c>).
    /// </summary>
    public int? GenerationErrorAfterTokens { get => Read(ref _generationErrorAfterTokens); set => Write(ref _generationErrorAfterTokens, value); }

    /// <summary>
    /// Gets or sets whether the server is unavailable: every request gets 503 (<c>/health</c>, <c>/ping</c> and GET <c>/</c>
    /// with TGI's healthcheck body, other routes with an empty body, as a proxy in front of a dead replica sends).
    /// </summary>
    public bool Unavailable { get => Read(ref _unavailable); set => Write(ref _unavailable, value); }

    /// <summary>Gets or sets a delay before the response headers are sent, on every route.</summary>
    public TimeSpan? ResponseHeadersDelay { get => Read(ref _responseHeadersDelay); set => Write(ref _responseHeadersDelay, value); }

    /// <summary>Gets or sets a token count after which a stream writes an event whose data is not valid JSON, then ends.</summary>
    public int? MalformedEventAfterTokens { get => Read(ref _malformedEventAfterTokens); set => Write(ref _malformedEventAfterTokens, value); }

    /// <summary>Gets or sets a size in bytes: the first event of a stream is padded (inside the token text) to at least this size.</summary>
    public int? OversizeEventBytes { get => Read(ref _oversizeEventBytes); set => Write(ref _oversizeEventBytes, value); }

    /// <summary>Clears every fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _keepAliveEvery = null;
            _timeToFirstToken = null;
            _tokensPerSecond = null;
            _disconnectAfterTokens = null;
            _stallAfterTokens = null;
            _overloadNextRequests = 0;
            _failNextRequestsWithGenerationError = 0;
            _generationErrorAfterTokens = null;
            _unavailable = false;
            _responseHeadersDelay = null;
            _malformedEventAfterTokens = null;
            _oversizeEventBytes = null;
        }
    }

    /// <summary>Takes one unit of the overload budget; true when this request must be rejected as overloaded.</summary>
    internal bool TryConsumeOverload() => TryConsume(ref _overloadNextRequests);

    /// <summary>Takes one unit of the generation-error budget.</summary>
    internal bool TryConsumeGenerationError() => TryConsume(ref _failNextRequestsWithGenerationError);

    /// <summary>Copies the current settings so one request sees a consistent set even if a test changes them meanwhile.</summary>
    internal FaultSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new FaultSnapshot(
                _keepAliveEvery,
                _timeToFirstToken,
                _tokensPerSecond,
                _disconnectAfterTokens,
                _stallAfterTokens,
                _malformedEventAfterTokens,
                _oversizeEventBytes,
                _generationErrorAfterTokens);
        }
    }

    private bool TryConsume(ref int budget)
    {
        lock (_gate)
        {
            if (budget <= 0)
            {
                return false;
            }

            budget--;
            return true;
        }
    }

    private T Read<T>(ref T field)
    {
        lock (_gate)
        {
            return field;
        }
    }

    private void Write<T>(ref T field, T value)
    {
        lock (_gate)
        {
            field = value;
        }
    }
}
