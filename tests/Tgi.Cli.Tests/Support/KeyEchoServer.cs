// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.TestSupport;

namespace Tgi.Cli.Tests.Support;

/// <summary>
/// A hostile gateway on 127.0.0.1: it answers every request with a 422 whose error text and error type echo the
/// bearer token it received, as a misconfigured proxy's error page can.
/// </summary>
internal sealed class KeyEchoServer : IAsyncDisposable
{
    private readonly HostileServer _server = HostileServer.Start(static (request, stream, cancellationToken) =>
    {
        string key = request.Headers.TryGetValue("Authorization", out string? authorization) && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..]
            : "(none)";
        return HostileServer.WriteResponseAsync(
            stream,
            422,
            "application/json",
            $$"""{"error":"invalid credentials: Bearer {{key}} was refused","error_type":"{{key}}"}""",
            cancellationToken);
    });

    public Uri BaseAddress => _server.BaseAddress;

    public int Requests => _server.Requests.Count;

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
