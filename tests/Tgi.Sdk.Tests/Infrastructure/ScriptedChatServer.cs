// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.TestSupport;

namespace Tgi.Sdk.Tests.Infrastructure;

/// <summary>
/// A loopback server whose <c>POST /v1/chat/completions</c> answers with scripted bodies in turn, for wire shapes the
/// emulator never produces (TGI returns one tool call per turn; vLLM and OpenAI return several).
/// </summary>
internal sealed class ScriptedChatServer : IAsyncDisposable
{
    private readonly HostileServer _server;

    private ScriptedChatServer(HostileServer server)
    {
        _server = server;
        Client = new TgiClient(server.BaseAddress);
    }

    public Uri BaseAddress => _server.BaseAddress;

    public TgiClient Client { get; }

    /// <summary>Gets the request bodies received so far, in arrival order.</summary>
    public IReadOnlyList<string> RequestBodies => [.. _server.Requests.Select(request => request.Body)];

    /// <summary>Starts the server; each request gets the next answer (the last one repeats).</summary>
    /// <param name="answers">The answers: a JSON body, or an SSE body when it starts with <c>data:</c>.</param>
    public static Task<ScriptedChatServer> StartAsync(params string[] answers)
    {
        int served = -1;
        HostileServer server = HostileServer.Start((request, stream, cancellationToken) =>
        {
            if (request.Method != "POST" || request.Path != "/v1/chat/completions")
            {
                return HostileServer.WriteResponseAsync(stream, 404, "application/json", """{"error":"not found"}""", cancellationToken);
            }

            string answer = answers[Math.Min(Interlocked.Increment(ref served), answers.Length - 1)];
            string contentType = answer.StartsWith("data:", StringComparison.Ordinal) ? "text/event-stream" : "application/json";
            return HostileServer.WriteResponseAsync(stream, 200, contentType, answer, cancellationToken);
        });
        return Task.FromResult(new ScriptedChatServer(server));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
