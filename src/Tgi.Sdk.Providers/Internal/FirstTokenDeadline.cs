// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers;

/// <summary>
/// The first-token timeout of one streaming attempt: a token that is cancelled when the replica has sent no first
/// update in time (headers and keep-alives do not count), and stays quiet once the first update has arrived.
/// </summary>
internal sealed class FirstTokenDeadline : IDisposable
{
    private readonly CancellationTokenSource? _timer;
    private readonly CancellationTokenSource? _linked;
    private readonly CancellationToken _caller;

    public FirstTokenDeadline(TimeSpan timeout, TimeProvider timeProvider, CancellationToken caller)
    {
        _caller = caller;
        Timeout = timeout;
        if (timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            Token = caller;
            return;
        }

        _timer = new CancellationTokenSource(timeout, timeProvider);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _timer.Token);
        Token = _linked.Token;
    }

    /// <summary>Gets the timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Gets the token the attempt runs under: the caller's, plus the deadline until it is disarmed.</summary>
    public CancellationToken Token { get; }

    /// <summary>Gets whether the deadline (not the caller) cancelled the attempt.</summary>
    public bool Expired => _timer is { IsCancellationRequested: true } && !_caller.IsCancellationRequested;

    /// <summary>Stops the clock after the first update; false when it had already run out.</summary>
    public bool TryDisarm()
    {
        _timer?.CancelAfter(System.Threading.Timeout.InfiniteTimeSpan);
        return !Expired;
    }

    /// <summary>The failure a late first token is: a retryable timeout, so the next replica is tried.</summary>
    public TgiException ToException(Uri endpoint, Exception? inner) =>
        new(
            $"No first token from {ProviderLog.Display(endpoint)} within the first-token timeout of {Timeout.TotalSeconds:0.###} s.",
            status: 0,
            TgiErrorType.Timeout,
            errorMessage: null,
            rawResponseBody: null,
            isRetryable: true,
            inner);

    public void Dispose()
    {
        _linked?.Dispose();
        _timer?.Dispose();
    }
}
