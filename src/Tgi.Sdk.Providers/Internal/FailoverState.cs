// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers;

/// <summary>The replicas one request may use, and which of them the current round has tried.</summary>
internal sealed class FailoverState
{
    private readonly IReadOnlyList<TgiEndpoint> _candidates;
    private readonly HashSet<TgiEndpoint> _tried = [];

    public FailoverState(IReadOnlyList<TgiEndpoint> candidates)
    {
        _candidates = candidates;
    }

    /// <summary>Gets the Retry-After slot of this request.</summary>
    public RetryAfterSlot Slot { get; } = new();

    /// <summary>Gets whether the current round has a replica left to try.</summary>
    public bool HasNext => _tried.Count < _candidates.Count;

    /// <summary>Gets the replica that failed last in this round, and why (in the SDK's words), for the failover log.</summary>
    public (TgiEndpoint Endpoint, string Reason)? LastFailure { get; private set; }

    /// <summary>
    /// Picks the next replica of this round: available ones (healthy, circuit not open) in priority order first, then the
    /// rest, so a fleet that looks all-down is still tried rather than failing at once.
    /// </summary>
    public TgiEndpoint Next()
    {
        TgiEndpoint? fallback = null;
        foreach (TgiEndpoint endpoint in _candidates)
        {
            if (_tried.Contains(endpoint))
            {
                continue;
            }

            if (endpoint.IsAvailable)
            {
                _tried.Add(endpoint);
                return endpoint;
            }

            fallback ??= endpoint;
        }

        TgiEndpoint chosen = fallback ?? _candidates[0];
        _tried.Add(chosen);
        return chosen;
    }

    /// <summary>Records why a replica failed, so the next pick can say where the request moved from.</summary>
    public void Failed(TgiEndpoint endpoint, Exception error) => LastFailure = (endpoint, ProviderLog.Reason(error));

    /// <summary>Starts a new round after a backoff.</summary>
    public void StartRound()
    {
        _tried.Clear();
        LastFailure = null;
        Slot.RetryAfter = null;
    }
}
