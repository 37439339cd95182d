// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Tests.Infrastructure;
using Tgi.TestSupport;

namespace Tgi.Sdk.Tests.Hardening;

/// <summary>Issue 13 item 4: TGI never redirects, so the SDK's handler follows none and a 3xx names its Location.</summary>
public class RedirectTests
{
    [Test]
    [Arguments(301)]
    [Arguments(302)]
    [Arguments(303)]
    [Arguments(307)]
    [Arguments(308)]
    public async Task GenerateAsync_Redirect_ThrowsNamingLocationAndNeverReachesTheTarget(int status)
    {
        await using HostileServer target = HostileServer.Start(static (_, stream, ct) =>
            HostileServer.WriteResponseAsync(stream, 200, "application/json", "{\"generated_text\":\"from the other host\"}", ct));
        string location = new Uri(target.BaseAddress, "generate").AbsoluteUri;
        await using HostileServer server = HostileServer.Start((_, stream, ct) =>
            HostileServer.WriteResponseAsync(stream, status, "text/plain", string.Empty, ct, $"Location: {location}"));
        TgiClientOptions options = new() { ApiKey = "sk-redirect-key" };
        options.Headers["X-Gateway-Key"] = "gateway-secret";
        TgiClient client = new(server.BaseAddress, options);

        TgiException ex = await Expect.TgiExceptionAsync(() => client.GenerateAsync("Hi"));

        await Assert.That(ex.Status).IsEqualTo(status);
        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Protocol);
        await Assert.That(ex.IsRetryable).IsFalse();
        await Assert.That(ex.Message).Contains(location);

        // The call has returned: had the client followed, the target would already have the request and its headers.
        await Assert.That(target.Connections).IsEqualTo(0);
        await Assert.That(server.Requests.Single().Headers["X-Gateway-Key"]).IsEqualTo("gateway-secret");
    }

    [Test]
    public async Task GenerateStreamingAsync_Redirect_ThrowsNamingLocation()
    {
        await using HostileServer target = HostileServer.Start(static (_, stream, ct) =>
            HostileServer.WriteResponseAsync(stream, 200, "text/event-stream", "data: {}\n\n", ct));
        string location = new Uri(target.BaseAddress, "generate_stream").AbsoluteUri;
        await using HostileServer server = HostileServer.Start((_, stream, ct) =>
            HostileServer.WriteResponseAsync(stream, 307, "text/plain", string.Empty, ct, $"Location: {location}"));
        TgiClient client = new(server.BaseAddress);

        TgiException ex = await Expect.TgiExceptionAsync(() => Expect.ToListAsync(client.GenerateStreamingAsync("Hi")));

        await Assert.That(ex.Status).IsEqualTo(307);
        await Assert.That(ex.Message).Contains(location);
        await Assert.That(target.Connections).IsEqualTo(0);
    }
}
