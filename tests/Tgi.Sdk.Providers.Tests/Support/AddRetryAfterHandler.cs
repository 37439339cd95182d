// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers.Tests.Support;

/// <summary>Plays a proxy in front of TGI that adds <c>Retry-After</c> to 429 responses (the emulator sends none).</summary>
internal sealed class AddRetryAfterHandler(TimeSpan retryAfter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode == 429)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
        }

        return response;
    }
}
