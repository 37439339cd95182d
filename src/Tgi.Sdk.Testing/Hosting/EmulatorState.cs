// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>Everything one emulator instance owns; routes get it by constructor, so instances never share state.</summary>
internal sealed class EmulatorState
{
    private readonly Lock _requestsGate = new();
    private readonly List<TgiRecordedRequest> _requests = [];
    private int _inFlight;
    private int _openConnections;
    private volatile bool _healthy = true;

    public EmulatorState(TgiEmulatorOptions options, CancellationToken stopping)
    {
        Options = options;
        Profile = WireProfile.Create(options.WireVersion, options.Version);
        Stopping = stopping;
        SystemFingerprint = Profile.VersionText + "-" + (options.DockerLabel ?? "native");
    }

    public TgiEmulatorOptions Options { get; }

    public WireProfile Profile { get; }

    public TgiEmulatorFaults Faults { get; } = new();

    public EmulatorMetrics Metrics { get; } = new();

    /// <summary>Gets a token that fires when the emulator shuts down, so stalled streams end.</summary>
    public CancellationToken Stopping { get; }

    public string SystemFingerprint { get; }

    public bool IsHealthy
    {
        get => _healthy;
        set => _healthy = value;
    }

    public int OpenConnections => Volatile.Read(ref _openConnections);

    public int InFlight => Volatile.Read(ref _inFlight);

    public void ConnectionOpened() => Interlocked.Increment(ref _openConnections);

    public void ConnectionClosed() => Interlocked.Decrement(ref _openConnections);

    public long UnixNow => Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();

    public void Record(TgiRecordedRequest request)
    {
        lock (_requestsGate)
        {
            _requests.Add(request);
        }
    }

    public IReadOnlyList<TgiRecordedRequest> RecordedRequests()
    {
        lock (_requestsGate)
        {
            return [.. _requests];
        }
    }

    public void ClearRecordedRequests()
    {
        lock (_requestsGate)
        {
            _requests.Clear();
        }
    }

    /// <summary>
    /// Admits one generation (TGI: a semaphore of max_concurrent_requests, rejected at once, not queued) unless the
    /// overload fault is armed. Dispose the result when the generation ends.
    /// </summary>
    public InFlightLease? TryAdmit()
    {
        if (Faults.TryConsumeOverload())
        {
            return null;
        }

        if (Interlocked.Increment(ref _inFlight) > Options.MaxConcurrentRequests)
        {
            Interlocked.Decrement(ref _inFlight);
            return null;
        }

        return new InFlightLease(this);
    }

    internal void Release() => Interlocked.Decrement(ref _inFlight);
}
