// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli.Infrastructure;
using Tgi.Sdk;

namespace Tgi.Cli.Bench;

/// <summary>
/// Collects samples from concurrent streams; the counters can be read live for progress. Every server-derived text it
/// keeps (error types, the last error's message) is redacted of the API key first, since reports print them.
/// </summary>
internal sealed class BenchRecorder
{
    /// <summary>The status key of failures that got no HTTP answer (refused, reset, timed out).</summary>
    public const int NoStatus = 0;

    private readonly Lock _gate = new();
    private readonly List<RequestSample> _samples = [];
    private readonly SortedDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, int> _statuses = [];
    private long _liveTokens;
    private int _succeeded;
    private int _failed;
    private int _consecutiveTransportFailures;
    private string? _lastError;

    /// <summary>Gets every token received so far, in-flight and cut-short streams included: the live and the final count.</summary>
    public long LiveTokens => Interlocked.Read(ref _liveTokens);

    /// <summary>Gets the requests that completed.</summary>
    public int Succeeded => Volatile.Read(ref _succeeded);

    /// <summary>Gets the requests that failed.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Gets the transport failures since the last request that reached the server.</summary>
    public int ConsecutiveTransportFailures => Volatile.Read(ref _consecutiveTransportFailures);

    /// <summary>Gets the last failure's formatted (and redacted) message, or null.</summary>
    public string? LastError
    {
        get
        {
            lock (_gate)
            {
                return _lastError;
            }
        }
    }

    /// <summary>Counts one received token.</summary>
    public void TokenReceived() => Interlocked.Increment(ref _liveTokens);

    /// <summary>Records a completed request.</summary>
    /// <param name="sample">The sample.</param>
    public void Completed(RequestSample sample)
    {
        lock (_gate)
        {
            _samples.Add(sample);

            // TGI: a stream that ends normally was answered 200.
            _statuses[200] = _statuses.GetValueOrDefault(200) + 1;
            _consecutiveTransportFailures = 0;
        }

        Interlocked.Increment(ref _succeeded);
    }

    /// <summary>Records a failed request.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns>The transport failures in a row so far (0 when the server answered).</returns>
    public int Failure(TgiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string type = exception.ErrorType?.ToString() is { Length: > 0 } t ? t : $"http_{exception.Status}";
        bool transport = exception.ErrorType == TgiErrorType.Transport && exception.Status == 0;
        // The SDK has already taken the client's key and header values out of every server text of the exception.
        return Record(type, exception.Status, ErrorFormatter.Describe(exception), transport);
    }

    /// <summary>Records a failed request by its TGI error type.</summary>
    /// <param name="errorType">The error type.</param>
    public void Failure(string errorType) => Record(errorType, NoStatus, null, transport: false);

    /// <summary>Copies the samples.</summary>
    /// <returns>The samples.</returns>
    public List<RequestSample> Samples()
    {
        lock (_gate)
        {
            return [.. _samples];
        }
    }

    /// <summary>Copies the error counts.</summary>
    /// <returns>The counts by error type.</returns>
    public SortedDictionary<string, int> Errors()
    {
        lock (_gate)
        {
            return new SortedDictionary<string, int>(_errors, StringComparer.Ordinal);
        }
    }

    /// <summary>Copies the HTTP status counts (successes as 200; failures with no answer are not counted).</summary>
    /// <returns>The counts by status code.</returns>
    public SortedDictionary<int, int> Statuses()
    {
        lock (_gate)
        {
            return new SortedDictionary<int, int>(_statuses);
        }
    }

    private int Record(string type, int status, string? message, bool transport)
    {
        int consecutive;
        lock (_gate)
        {
            _errors[type] = _errors.GetValueOrDefault(type) + 1;
            if (status != NoStatus)
            {
                _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            }

            _consecutiveTransportFailures = transport ? _consecutiveTransportFailures + 1 : 0;
            consecutive = _consecutiveTransportFailures;
            _lastError = message ?? _lastError;
        }

        Interlocked.Increment(ref _failed);
        return consecutive;
    }
}
