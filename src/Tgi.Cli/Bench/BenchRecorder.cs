// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Cli.Bench;

/// <summary>Collects samples from concurrent streams; the counters can be read live for progress.</summary>
internal sealed class BenchRecorder
{
    private readonly Lock _gate = new();
    private readonly List<RequestSample> _samples = [];
    private readonly SortedDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private long _liveTokens;
    private int _succeeded;
    private int _failed;

    /// <summary>Gets the tokens received so far, in-flight streams included.</summary>
    public long LiveTokens => Interlocked.Read(ref _liveTokens);

    /// <summary>Gets the requests that completed.</summary>
    public int Succeeded => Volatile.Read(ref _succeeded);

    /// <summary>Gets the requests that failed.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Counts one received token.</summary>
    public void TokenReceived() => Interlocked.Increment(ref _liveTokens);

    /// <summary>Records a completed request.</summary>
    /// <param name="sample">The sample.</param>
    public void Completed(RequestSample sample)
    {
        lock (_gate)
        {
            _samples.Add(sample);
        }

        Interlocked.Increment(ref _succeeded);
    }

    /// <summary>Records a failed request by its TGI error type.</summary>
    /// <param name="errorType">The error type.</param>
    public void Failure(string errorType)
    {
        lock (_gate)
        {
            _errors[errorType] = _errors.GetValueOrDefault(errorType) + 1;
        }

        Interlocked.Increment(ref _failed);
    }

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
}
