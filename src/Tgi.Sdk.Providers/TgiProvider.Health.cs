// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Introspection;

namespace Tgi.Sdk.Providers;

public partial class TgiProvider
{
    /// <summary>Reads every replica's <c>/health</c> and <c>/info</c> now, and returns their state.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>Every replica's state; <see cref="TgiProviderHealth.IsHealthy"/> when at least one is healthy.</returns>
    public virtual async Task<TgiProviderHealth> HealthCheckAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        return new TgiProviderHealth(GetEndpoints());
    }

    /// <summary>Discovers the replicas on first use and starts the periodic health check.</summary>
    private Task EnsureStartedAsync(CancellationToken cancellationToken)
    {
        Task? started = Volatile.Read(ref _started);
        if (started is null)
        {
            lock (_startGate)
            {
                if (_started is null)
                {
                    _started = RefreshAsync(CancellationToken.None);
                    TimeSpan interval = _options.HealthCheckInterval;
                    if (interval > TimeSpan.Zero)
                    {
                        _timer = _timeProvider.CreateTimer(static s => ((TgiProvider)s!).OnTimer(), this, interval, interval);
                    }
                }

                started = _started;
            }
        }

        return started.IsCompleted ? started : started.WaitAsync(cancellationToken);
    }

    private void OnTimer()
    {
        // One refresh at a time: a slow replica must not pile up checks.
        if (Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            _ = RefreshFromTimerAsync();
        }
    }

    private async Task RefreshFromTimerAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private Task RefreshAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_endpoints.Select(e => CheckAsync(e, cancellationToken)));

    private async Task CheckAsync(TgiEndpoint endpoint, CancellationToken cancellationToken)
    {
        using CancellationTokenSource timeout = new(_options.HealthCheckTimeout, _timeProvider);
        using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // TGI: /health is 200 when a shard answered a tiny generation, 503 "unhealthy" otherwise (API.md §1).
            TgiResult<TgiHealthStatus> health = await endpoint.Client.GetHealthAsync(linked.Token).ConfigureAwait(false);
            bool healthy = health.Value == TgiHealthStatus.Healthy;
            string? model = null;
            try
            {
                model = (await endpoint.Client.GetInfoAsync(linked.Token).ConfigureAwait(false)).Value.ModelId;
            }
            catch (Exception e) when (e is TgiException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The model stays as last discovered.
            }

            endpoint.RecordHealth(healthy, model, _timeProvider.GetUtcNow(), healthy ? null : "GET /health answered 503 (unhealthy).", "GET /health answered 503");
        }
        catch (TgiException e)
        {
            endpoint.RecordHealth(false, null, _timeProvider.GetUtcNow(), e.Message, "GET /health failed: " + ProviderLog.Reason(e));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            string reason = $"No answer to GET /health within {_options.HealthCheckTimeout.TotalSeconds:0.###} s";
            endpoint.RecordHealth(false, null, _timeProvider.GetUtcNow(), reason + ".", reason);
        }
    }
}
