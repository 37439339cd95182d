// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.AI;
using Tgi.Sdk.Providers;
using Tgi.Sdk.Providers.Tests.Support;

namespace Tgi.Sdk.Providers.Tests.Provider;

public class TgiProviderChatClientTests
{
    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task AsIChatClient_FirstReplicaOverloaded_FailsOverBeforeTheFirstToken(bool streaming)
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1", "m1");
        using TgiProvider provider = new(fleet.Options());
        IChatClient client = provider.AsIChatClient("m1");
        fleet.A.Faults.OverloadNextRequests = 1;

        ChatResponse response = streaming
            ? await client.GetStreamingResponseAsync("hi").ToChatResponseAsync()
            : await client.GetResponseAsync("hi");

        await Assert.That(response.Text).IsEqualTo("Hello from the fleet.");
        await Assert.That(response.FinishReason).IsEqualTo(ChatFinishReason.Stop);
        await Assert.That(Fleet.GenerationRequests(fleet.A)).IsEqualTo(1);
        await Assert.That(Fleet.GenerationRequests(fleet.B)).IsEqualTo(1);
        await Assert.That(client.GetService<TgiProvider>()).IsSameReferenceAs(provider);
    }

    [Test]
    public async Task AsIChatClient_ModelIdInOptions_RoutesToThatModel()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m2");
        using TgiProvider provider = new(fleet.Options());
        await provider.HealthCheckAsync();
        IChatClient client = provider.AsIChatClient();

        await client.GetResponseAsync("hi", new ChatOptions { ModelId = "m2" });

        await Assert.That(Fleet.GenerationRequests(fleet.A)).IsEqualTo(0);
        await Assert.That(Fleet.GenerationRequests(fleet.B)).IsEqualTo(1);
    }

    [Test]
    public async Task AsIChatClient_StreamBreaksAfterFirstToken_ThrowsWithoutRetry()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1");
        using TgiProvider provider = new(fleet.Options());
        IChatClient client = provider.AsIChatClient();
        fleet.A.Faults.DisconnectAfterTokens = 1;
        List<string> received = [];

        await Assert.That(async () =>
        {
            await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync("hi"))
            {
                received.Add(update.Text);
            }
        }).Throws<TgiException>();

        await Assert.That(string.Concat(received)).IsEqualTo("Hello");
        await Assert.That(Fleet.GenerationRequests(fleet.B)).IsEqualTo(0);
    }
}
