// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.AI;
using Tgi.Sdk.Extensions.AI;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Extensions.AI.Tests;

/// <summary>What IChatClient makes of answers no real TGI sends (exact bytes from a hostile server on loopback).</summary>
public class TgiChatClientHostileTests
{
    [Test]
    [Arguments(99_999_999_999_999L)]
    [Arguments(-5L)]
    public async Task GetStreamingResponseAsync_CreatedNoDateTimeOffsetHolds_HasNoCreatedAt(long created)
    {
        string chunk = "{\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":" + created + ",\"model\":\"m\",\"system_fingerprint\":\"3.3.7\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"ok\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}";
        string finish = chunk.Replace("\"content\":\"ok\"", "\"content\":\"\"", StringComparison.Ordinal).Replace("\"finish_reason\":null", "\"finish_reason\":\"stop\"", StringComparison.Ordinal);
        await using CannedHttpServer server = CannedHttpServer.Start(CannedHttpServer.Sse(chunk, finish, "[DONE]"));
        IChatClient client = new TgiClient(server.BaseAddress).AsIChatClient();
        List<ChatResponseUpdate> updates = [];

        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync("Hi"))
        {
            updates.Add(update);
        }

        await Assert.That(string.Concat(updates.Select(u => u.Text))).IsEqualTo("ok");
        await Assert.That(updates.All(u => u.CreatedAt is null)).IsTrue();
    }
}
