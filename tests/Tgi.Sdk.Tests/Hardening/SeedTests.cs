// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Generate;
using Tgi.Sdk.Tests.Infrastructure;
using Tgi.TestSupport;

namespace Tgi.Sdk.Tests.Hardening;

/// <summary>Issue 13 item 7: a seed that is not a u64 is null on /generate and on /generate_stream alike.</summary>
public class SeedTests
{
    [Test]
    [Arguments("18446744073709551616")]
    [Arguments("-1")]
    [Arguments("1.5")]
    public async Task GenerateAndGenerateStreaming_SeedOutsideU64_IsNullOnBoth(string seed)
    {
        string details = $"{{\"finish_reason\":\"length\",\"generated_tokens\":1,\"seed\":{seed}}}";
        string stream = Sse.Frame([Sse.Token(1, 5, "\"a\"", "\"a\"", details)]);
        string json = $"{{\"generated_text\":\"a\",\"details\":{{\"finish_reason\":\"length\",\"generated_tokens\":1,\"seed\":{seed},\"prefill\":[],\"tokens\":[]}}}}";
        await using HostileServer server = HostileServer.Start((request, s, ct) =>
            request.Path.EndsWith("generate_stream", StringComparison.Ordinal)
                ? HostileServer.WriteResponseAsync(s, 200, "text/event-stream", stream, ct)
                : HostileServer.WriteResponseAsync(s, 200, "application/json", json, ct));
        TgiClient client = new(server.BaseAddress);

        TgiResult<GenerateResponse> generated = await client.GenerateAsync("Hi", new GenerateOptions { Details = true });
        List<GenerateStreamUpdate> updates = await Expect.ToListAsync(client.GenerateStreamingAsync("Hi", new GenerateOptions { Details = true }));

        await Assert.That(generated.Value.Details!.Seed).IsNull();
        await Assert.That(updates[^1].Details!.Seed).IsNull();
    }

    [Test]
    public async Task GenerateStreaming_SeedInU64_IsRead()
    {
        string details = "{\"finish_reason\":\"length\",\"generated_tokens\":1,\"seed\":18446744073709551615}";
        string stream = Sse.Frame([Sse.Token(1, 5, "\"a\"", "\"a\"", details)]);
        await using HostileServer server = HostileServer.Start((_, s, ct) => HostileServer.WriteResponseAsync(s, 200, "text/event-stream", stream, ct));
        TgiClient client = new(server.BaseAddress);

        List<GenerateStreamUpdate> updates = await Expect.ToListAsync(client.GenerateStreamingAsync("Hi"));

        await Assert.That(updates[^1].Details!.Seed).IsEqualTo(ulong.MaxValue);
    }
}
