// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers;

/// <summary>Records the <c>Retry-After</c> of a 429 or 503 response for the provider's retry strategy.</summary>
internal sealed class RetryAfterHandler : DelegatingHandler
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="timeProvider">The clock, to turn an HTTP date into a delay.</param>
    public RetryAfterHandler(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        // TGI: 429 overloaded and 503 are the retryable statuses (API.md §2.1); a proxy in front may add Retry-After.
        if (RetryAfterSlot.Current is { } slot && (int)response.StatusCode is 429 or 503 && response.Headers.RetryAfter is { } retryAfter)
        {
            TimeSpan? delay = retryAfter.Delta ?? (retryAfter.Date - _timeProvider.GetUtcNow());
            slot.RetryAfter = delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }

        return response;
    }
}
