// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Providers;
using Tgi.Sdk.Providers.Tests.Support;

namespace Tgi.Sdk.Providers.Tests.Failover;

public class TgiProviderFailoverTests
{
    private const string Expected = "Hello from the fleet.";

    [Test]
    public async Task CompleteAsync_ByModel_GoesOnlyToReplicasServingIt()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m2", "m1");
        using TgiProvider provider = new(fleet.Options());

        TgiProviderResponse m2 = await provider.CompleteAsync(new TgiRequest { Prompt = "hi", Model = "m2" });
        TgiProviderResponse m1 = await provider.CompleteAsync(new TgiRequest { Prompt = "hi", Model = "M1" });

        await Assert.That(m2.Endpoint).IsEqualTo(fleet.B.BaseAddress);
        await Assert.That(m2.Model).IsEqualTo("m2");
        await Assert.That(m1.Endpoint).IsEqualTo(fleet.A.BaseAddress);
        await Assert.That(Fleet.GenerationRequests(fleet.B)).IsEqualTo(1);
        await Assert.That(Fleet.GenerationRequests(fleet.C)).IsEqualTo(0);
        await Assert.That(provider.Models).IsEquivalentTo(new[] { "m1", "m2" });
    }

    [Test]
    public async Task CompleteAsync_UnknownModel_ThrowsNamingTheReplicas()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m2", "m1");
        using TgiProvider provider = new(fleet.Options());

        TgiException? error = await Assert.That(async () => await provider.CompleteAsync(new TgiRequest { Prompt = "hi", Model = "m9" }))
            .Throws<TgiException>();

        await Assert.That(error!.Message).Contains("serves model 'm9'");
        await Assert.That(error.Message).Contains("m2 at " + fleet.B.BaseAddress);
        await Assert.That(fleet.Replicas.Sum(Fleet.GenerationRequests)).IsEqualTo(0);
    }

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task Request_FirstReplicaStopped_FailsOverToNext(bool streaming)
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1", "m1");
        using TgiProvider provider = new(fleet.Options());
        await provider.HealthCheckAsync();
        await fleet.A.DisposeAsync();

        (string text, Uri endpoint) = await RunAsync(provider, new TgiRequest { Prompt = "hi", Model = "m1" }, streaming);

        await Assert.That(text).IsEqualTo(Expected);
        await Assert.That(endpoint).IsEqualTo(fleet.B.BaseAddress);
        await Assert.That(provider.GetEndpoints()[0].LastError).Contains("The request to TGI failed");
    }

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task Request_FirstReplicaOverloaded_FailsOverToNext(bool streaming)
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1", "m1");
        using TgiProvider provider = new(fleet.Options());
        fleet.A.Faults.OverloadNextRequests = 1;

        (string text, Uri endpoint) = await RunAsync(provider, new TgiRequest { Messages = { ChatMessage.CreateUser("hi") } }, streaming);

        await Assert.That(text).IsEqualTo(Expected);
        await Assert.That(endpoint).IsEqualTo(fleet.B.BaseAddress);
        await Assert.That(Fleet.GenerationRequests(fleet.A)).IsEqualTo(1);
        await Assert.That(Fleet.GenerationRequests(fleet.C)).IsEqualTo(0);
    }

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task Request_FirstTwoReplicasUnavailable_FailsOverToThird(bool streaming)
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1", "m1");
        using TgiProvider provider = new(fleet.Options());
        await provider.HealthCheckAsync();
        fleet.A.Faults.Unavailable = true;
        fleet.B.Faults.Unavailable = true;

        (string text, Uri endpoint) = await RunAsync(provider, new TgiRequest { Prompt = "hi" }, streaming);

        await Assert.That(text).IsEqualTo(Expected);
        await Assert.That(endpoint).IsEqualTo(fleet.C.BaseAddress);
        await Assert.That(Fleet.GenerationRequests(fleet.A)).IsEqualTo(1);
        await Assert.That(Fleet.GenerationRequests(fleet.B)).IsEqualTo(1);
    }

    [Test]
    public async Task CompleteAsync_ValidationError422_IsNotRetried()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1", "m1");
        using TgiProvider provider = new(fleet.Options(o => o.Resilience.MaxRetries = 2));

        // TGI: top_p must be strictly between 0 and 1 (API.md §2.3); 0 is rejected with 422.
        TgiException? error = await Assert.That(async () => await provider.CompleteAsync(new TgiRequest { Prompt = "hi", TopP = 0f }))
            .Throws<TgiException>();

        await Assert.That(error!.Status).IsEqualTo(422);
        await Assert.That(fleet.Replicas.Sum(Fleet.GenerationRequests)).IsEqualTo(1);
    }

    [Test]
    public async Task CompleteAsync_GenerationError424_IsNotRetried()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1", "m1");
        using TgiProvider provider = new(fleet.Options(o => o.Resilience.MaxRetries = 2));
        fleet.A.Faults.FailNextRequestsWithGenerationError = 1;

        TgiException? error = await Assert.That(async () => await provider.CompleteAsync(new TgiRequest { Prompt = "hi" })).Throws<TgiException>();

        await Assert.That(error!.Status).IsEqualTo(424);
        await Assert.That(Fleet.GenerationRequests(fleet.B) + Fleet.GenerationRequests(fleet.C)).IsEqualTo(0);
    }

    [Test]
    [Arguments("prompt")]
    [Arguments("messages")]
    public async Task StreamAsync_BreaksAfterFirstTokens_ThrowsWithoutRetryOrDuplicates(string form)
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1", "m1");
        using TgiProvider provider = new(fleet.Options(o => o.Resilience.MaxRetries = 2));
        fleet.A.Faults.DisconnectAfterTokens = 2;
        TgiRequest request = form == "prompt" ? new TgiRequest { Prompt = "hi" } : new TgiRequest { Messages = { ChatMessage.CreateUser("hi") } };
        List<string> received = [];

        TgiException? error = await Assert.That(async () =>
        {
            await foreach (TgiProviderUpdate update in provider.StreamAsync(request))
            {
                received.Add(update.TextDelta);
            }
        }).Throws<TgiException>();

        await Assert.That(string.Concat(received)).IsEqualTo("Hello from");
        await Assert.That(error!.IsRetryable).IsTrue();
        await Assert.That(Fleet.GenerationRequests(fleet.B) + Fleet.GenerationRequests(fleet.C)).IsEqualTo(0);
    }

    [Test]
    public async Task CompleteAsync_EveryReplicaDown_ThrowsTheLastReplicaFailure()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m1", "m1");
        using TgiProvider provider = new(fleet.Options());
        await provider.HealthCheckAsync();
        foreach (var replica in fleet.Replicas)
        {
            replica.Faults.Unavailable = true;
        }

        TgiException? error = await Assert.That(async () => await provider.CompleteAsync(new TgiRequest { Prompt = "hi" })).Throws<TgiException>();

        await Assert.That(error!.Status).IsEqualTo(503);
        await Assert.That(fleet.Replicas.Select(Fleet.GenerationRequests)).IsEquivalentTo(new[] { 1, 1, 1 });
    }

    internal static async Task<(string Text, Uri Endpoint)> RunAsync(TgiProvider provider, TgiRequest request, bool streaming)
    {
        if (!streaming)
        {
            TgiProviderResponse response = await provider.CompleteAsync(request);
            return (response.Text, response.Endpoint);
        }

        StringBuilder text = new();
        Uri? endpoint = null;
        await foreach (TgiProviderUpdate update in provider.StreamAsync(request))
        {
            text.Append(update.TextDelta);
            endpoint ??= update.Endpoint;
        }

        return (text.ToString(), endpoint!);
    }
}
