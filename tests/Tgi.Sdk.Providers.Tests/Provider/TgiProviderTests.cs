// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Providers;
using Tgi.Sdk.Providers.Tests.Support;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Providers.Tests.Provider;

public class TgiProviderTests
{
    [Test]
    public async Task CompleteAsync_Prompt_UsesGenerateAndReportsUsageWithTimingHeaders()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1");
        using TgiProvider provider = new(fleet.Options());

        TgiProviderResponse response = await provider.CompleteAsync(new TgiRequest { Prompt = "Tell me about the fleet" });
        int promptTokens = await provider.CountTokensAsync("Tell me about the fleet");

        await Assert.That(response.Route.Path).IsEqualTo("/generate");
        await Assert.That(response.RawValue).IsTypeOf<GenerateResponse>();
        await Assert.That(response.Text).IsEqualTo("Hello from the fleet.");
        await Assert.That(response.Usage.PromptTokens).IsEqualTo(promptTokens);
        await Assert.That(response.Usage.CompletionTokens).IsEqualTo(response.RawResponse.GeneratedTokens);
        await Assert.That(response.Usage.TotalTime).IsEqualTo(response.RawResponse.TotalTime);
        await Assert.That(response.Usage.InferenceTime).IsNotNull();
        await Assert.That(response.Usage.QueueTime).IsNotNull();
    }

    [Test]
    public async Task CompleteAsync_Messages_UsesChatAndReportsBodyUsage()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1");
        using TgiProvider provider = new(fleet.Options());

        TgiProviderResponse response = await provider.CompleteAsync(new TgiRequest { Messages = { ChatMessage.CreateUser("hi") } });
        ChatCompletion completion = (ChatCompletion)response.RawValue;

        await Assert.That(response.Route.Path).IsEqualTo("/v1/chat/completions");
        await Assert.That(response.Text).IsEqualTo("Hello from the fleet.");
        await Assert.That(response.FinishReason).IsEqualTo(FinishReason.Stop);
        await Assert.That(response.Usage.PromptTokens).IsEqualTo(completion.Usage!.PromptTokens);
        await Assert.That(response.Usage.CompletionTokens).IsEqualTo(completion.Usage.CompletionTokens);
        await Assert.That(response.Usage.TotalTokens).IsEqualTo(completion.Usage.TotalTokens);
    }

    [Test]
    [Arguments("prompt")]
    [Arguments("messages")]
    public async Task StreamAsync_LastUpdates_CarryFinishReasonAndUsage(string form)
    {
        await using Fleet fleet = await Fleet.StartAsync("m1");
        using TgiProvider provider = new(fleet.Options());
        TgiRequest request = form == "prompt" ? new TgiRequest { Prompt = "hi" } : new TgiRequest { Messages = { ChatMessage.CreateUser("hi") } };
        List<TgiProviderUpdate> updates = [];

        await foreach (TgiProviderUpdate update in provider.StreamAsync(request))
        {
            updates.Add(update);
        }

        TgiUsageSummary? usage = updates.Select(u => u.Usage).LastOrDefault(u => u is not null);
        await Assert.That(string.Concat(updates.Select(u => u.TextDelta))).IsEqualTo("Hello from the fleet.");
        await Assert.That(updates.Any(u => u.FinishReason is not null)).IsTrue();
        await Assert.That(usage).IsNotNull();
        await Assert.That(usage!.CompletionTokens > 0).IsTrue();
        await Assert.That(usage.PromptTokens > 0).IsTrue();
    }

    [Test]
    public async Task CountTokensAsync_PromptAndMessages_MatchTokenizeEndpoints()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1");
        using TgiProvider provider = new(fleet.Options());
        TgiClient direct = new(fleet.A.BaseAddress);

        int prompt = await provider.CountTokensAsync("The quick brown fox jumps");
        int messages = await provider.CountTokensAsync(new TgiRequest { Messages = { ChatMessage.CreateUser("The quick brown fox jumps") } });

        await Assert.That(prompt).IsEqualTo((await direct.TokenizeAsync("The quick brown fox jumps")).Value.Count);
        await Assert.That(messages).IsEqualTo((await direct.ChatTokenizeAsync([ChatMessage.CreateUser("The quick brown fox jumps")])).Value.Tokens.Count);
        await Assert.That(messages > prompt).IsTrue();
    }

    [Test]
    [Arguments(false)]
    [Arguments(true)]
    public async Task Request_ModelWithoutChatTemplate_SaysSoClearly(bool streaming)
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ModelId = "base-model", HasChatTemplate = false });
        using TgiProvider provider = new(new TgiProviderOptions { BaseUrl = tgi.BaseAddress.AbsoluteUri, HealthCheckInterval = TimeSpan.Zero });
        TgiRequest request = new() { Messages = { ChatMessage.CreateUser("hi") } };

        TgiException? error = await Assert.That(async () => await Failover.TgiProviderFailoverTests.RunAsync(provider, request, streaming)).Throws<TgiException>();

        await Assert.That(error!.Message).StartsWith($"The model 'base-model' at {tgi.BaseAddress} has no chat template");
        await Assert.That(error.Status).IsEqualTo(422);
        await Assert.That(error.ErrorType).IsEqualTo(TgiErrorType.TemplateError);
        await Assert.That(error.InnerException).IsTypeOf<TgiException>();
    }

    [Test]
    public async Task SupportsFeature_FollowsSettings_AndGatesRequests()
    {
        using TgiProvider provider = new(new TgiProviderOptions
        {
            BaseUrl = "http://127.0.0.1:9",
            SupportsFunctionCalling = false,
            SupportsGuidedGeneration = false,
        });
        TgiRequest tools = new() { Messages = { ChatMessage.CreateUser("hi") }, Tools = { ChatTool.CreateFunction("f", "d", """{"type":"object","properties":{}}""") } };
        TgiRequest grammar = new() { Prompt = "ip:", Grammar = TgiGrammar.Regex("[0-9]+") };
        TgiRequest json = new() { Messages = { ChatMessage.CreateUser("hi") }, ResponseFormat = TgiGrammar.Json("""{"properties":{"a":{"type":"string"}}}""") };

        await Assert.That(provider.SupportsFeature(TgiProviderFeature.FunctionCalling)).IsFalse();
        await Assert.That(provider.SupportsFeature(TgiProviderFeature.GuidedGeneration)).IsFalse();
        await Assert.That(provider.SupportsFeature(TgiProviderFeature.JsonMode)).IsTrue();
        await Assert.That(provider.SupportsFeature(TgiProviderFeature.Streaming)).IsTrue();
        await Assert.That(() => provider.SelectRoute(tools, false)).Throws<NotSupportedException>().WithMessageContaining("SupportsFunctionCalling = false");
        await Assert.That(() => provider.SelectRoute(grammar, false)).Throws<NotSupportedException>().WithMessageContaining("SupportsGuidedGeneration = false");
        await Assert.That(provider.SelectRoute(json, false).Api).IsEqualTo(TgiApi.ChatCompletions);
    }

    [Test]
    public async Task GetInfoAsync_ByModel_ReadsThatReplica()
    {
        await using Fleet fleet = await Fleet.StartAsync("m1", "m2");
        using TgiProvider provider = new(fleet.Options());

        Introspection.TgiInfo info = await provider.GetInfoAsync("m2");

        await Assert.That(info.ModelId).IsEqualTo("m2");
    }

    [Test]
    public async Task CompleteAsync_ApiKeyAndHeaders_AreSentToTheReplica()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ApiKey = "k1" });
        using TgiProvider provider = new(new TgiProviderOptions
        {
            BaseUrl = tgi.BaseAddress.AbsoluteUri,
            ApiKey = "k1",
            Headers = { ["X-Team"] = "search" },
            HealthCheckInterval = TimeSpan.Zero,
        });

        await provider.CompleteAsync(new TgiRequest { Prompt = "hi" });

        Testing.TgiRecordedRequest sent = tgi.ReceivedRequests.Last(r => r.Method == "POST");
        await Assert.That(sent.Headers["X-Team"]).IsEqualTo("search");
        await Assert.That(sent.Headers["Authorization"]).IsEqualTo("Bearer k1");
    }
}
