// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers.Tests.Support;

/// <summary>Counts the requests that pass through an HTTP client's handler pipeline.</summary>
internal sealed class CountingHandler : DelegatingHandler
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return base.SendAsync(request, cancellationToken);
    }
}
