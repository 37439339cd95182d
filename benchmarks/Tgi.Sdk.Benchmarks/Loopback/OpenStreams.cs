// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Benchmarks.Loopback;

/// <summary>
/// Coordinates N streams held open at once: a gate limits how many connect at a time (the listen backlog is finite),
/// a countdown says when every stream has its first token, and one release lets them all close.
/// </summary>
internal sealed class OpenStreams : IDisposable
{
    private readonly SemaphoreSlim _connecting = new(64);
    private readonly TaskCompletionSource _allOpen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending;

    public OpenStreams(int count) => _pending = count;

    public Task AllOpen => _allOpen.Task;

    public Task Released => _release.Task;

    public Task EnterAsync() => _connecting.WaitAsync();

    /// <summary>Called by a stream once its first token is in hand.</summary>
    public void Opened()
    {
        _connecting.Release();
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _allOpen.TrySetResult();
        }
    }

    public void Fail(Exception error)
    {
        _allOpen.TrySetException(error);
        _connecting.Release();
    }

    public void Release() => _release.TrySetResult();

    public void Dispose() => _connecting.Dispose();
}
