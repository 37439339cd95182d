// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Completions;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Providers;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Samples.Tests;

/// <summary>
/// Runs every sample the usage pages (docs/usage/*.md) quote against the emulator on loopback, and checks that the
/// request body each page shows is the one the SDK really sends.
/// </summary>
[NotInParallel("samples-console")]
public sealed class UsageSampleTests
{
    [Test]
    public async Task Generate_ReturnsDetails_AndSendsTheDocumentedBody()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        GenerateResponse response = await GenerateSample.RunAsync(new TgiClient(tgi.BaseAddress));

        await Assert.That(response.Details).IsNotNull();
        await Assert.That(response.Details!.GeneratedTokens).IsGreaterThan(0);
        await AssertWireAsync(tgi, "/generate", "generate.wire.json");
    }

    [Test]
    public async Task GenerateStream_ReturnsTheText_AndSendsTheDocumentedBody()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("Server", "-sent", " events") });

        string text = await StreamingSample.RunAsync(new TgiClient(tgi.BaseAddress), CancellationToken.None);

        await Assert.That(text).IsEqualTo("Server-sent events");
        await AssertWireAsync(tgi, "/generate_stream", "generate-stream.wire.json");
    }

    [Test]
    public async Task GenerateStreamRaw_WritesTheTokensBytes()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Scripted("one", " two", " trois", " 四") });
        using MemoryStream output = new();

        int tokens = await StreamingSample.RunRawAsync(new TgiClient(tgi.BaseAddress), output);

        await Assert.That(tokens).IsEqualTo(4);
        await Assert.That(System.Text.Encoding.UTF8.GetString(output.ToArray())).IsEqualTo("one two trois 四");
    }

    [Test]
    public async Task GenerateStreamStop_ClosesTheConnection()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { Generator = TgiGenerator.Repeat(" tok", 10_000) });

        int received = await StreamingSample.StopEarlyAsync(new TgiClient(tgi.BaseAddress));

        await Assert.That(received).IsEqualTo(5);
        // Generous: only proves the connection is released, not how fast.
        await tgi.WaitForOpenConnectionsAsync(0, TimeSpan.FromSeconds(60));
        await Assert.That(tgi.OpenConnections).IsEqualTo(0);
    }

    [Test]
    public async Task Chat_AnswersWithUsage_AndSendsTheDocumentedBody()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        ChatCompletion completion = await ChatSample.RunAsync(new TgiClient(tgi.BaseAddress));

        await Assert.That(completion.Content).IsNotEmpty();
        await Assert.That(completion.Usage).IsNotNull();
        await AssertWireAsync(tgi, "/v1/chat/completions", "chat.wire.json");
    }

    [Test]
    [Arguments(TgiWireVersion.V3_3)]
    [Arguments(TgiWireVersion.V2_4)]
    public async Task ChatStream_AccumulatesTheUsage_OnEveryUsagePlacement(TgiWireVersion wire)
    {
        // 3.2+ sends usage in its own chunk; 2.3-3.1 on the last content chunk: the accumulator reads both.
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { WireVersion = wire });

        ChatCompletion whole = await ChatSample.StreamAsync(new TgiClient(tgi.BaseAddress));

        await Assert.That(whole.Content).IsNotEmpty();
        await Assert.That(whole.Usage).IsNotNull();
        await AssertWireAsync(tgi, "/v1/chat/completions", "chat-stream.wire.json");
    }

    [Test]
    public async Task Completions_AnswersEachPrompt_AndSendsTheDocumentedBody()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        Completion completion = await CompletionsSample.RunAsync(new TgiClient(tgi.BaseAddress));

        await Assert.That(completion.Choices.Select(c => c.Index).Order()).IsEquivalentTo([0, 1]);
        await AssertWireAsync(tgi, "/v1/completions", "completions.wire.json");
    }

    [Test]
    public async Task CompletionsStream_SeparatesTheInterleavedPrompts()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        string[] texts = await CompletionsSample.StreamAsync(new TgiClient(tgi.BaseAddress));

        await Assert.That(texts.All(text => text.Length > 0)).IsTrue();
    }

    [Test]
    [Arguments(TgiWireVersion.V3_3)]
    [Arguments(TgiWireVersion.V2_4)]
    public async Task ToolCall_ByHand_SendsTheResultBack_OnBothArgumentShapes(TgiWireVersion wire)
    {
        // 3.1.1 is the last object-arguments release that takes an assistant tool call without content (2.0.4 to
        // 3.1.0 answer 422 to the SDK's replayed tool turn).
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(
            new TgiEmulatorOptions { WireVersion = wire, Version = wire == TgiWireVersion.V2_4 ? "3.1.1" : null });

        string? answer = await ToolCallSample.RunAsync(new TgiClient(tgi.BaseAddress));

        await Assert.That(answer).IsNotEmpty();
        string[] bodies = [.. tgi.ReceivedRequests.Where(r => r.Path == "/v1/chat/completions").Select(r => r.Body)];
        await Assert.That(bodies.Length).IsEqualTo(2);
        await AssertWireBodyAsync("tool-call.wire.json", bodies[0]);
        await AssertWireBodyAsync("tool-result.wire.json", bodies[1]);
    }

    [Test]
    public async Task ToolLoopStream_ReportsTheCall_AndEndsWithTheAnswer()
    {
        // A model that calls the tool once, then answers from its result through TGI's no_tool choice.
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions
        {
            Generator = TgiGenerator.Create(request => new TgiGeneration(TgiGenerator.Tokenize(
                request.Messages.Any(m => m.Role == "tool")
                    ? request.ToolGrammar.Count > 0 ? """{"function": {"_name": "no_tool", "content": "Clear skies in Paris."}}""" : "Clear skies in Paris."
                    : """{"function": {"_name": "get_weather", "city": "Paris"}}"""))),
        });
        ChatCompletionOptions options = new();
        List<string> calledWith = [];
        options.Tools.Add(TgiTool.Create("get_weather", "Current weather for a city",
            JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""").RootElement,
            (args, _) =>
            {
                calledWith.Add(args.GetRawText());
                return Task.FromResult("""{"sky":"clear"}""");
            }));

        string? content = await ToolCallSample.StreamLoopAsync(new TgiClient(tgi.BaseAddress), options);

        await Assert.That(content).IsEqualTo("Clear skies in Paris.");
        await Assert.That(calledWith.Count).IsEqualTo(1);
        await Assert.That(JsonDocument.Parse(calledWith[0]).RootElement.GetProperty("city").GetString()).IsEqualTo("Paris");
    }

    [Test]
    public async Task GrammarRegex_GivesTextThatMatches_AndSendsTheDocumentedBody()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        string ip = await GrammarSample.RegexAsync(new TgiClient(tgi.BaseAddress));

        await Assert.That(Regex.IsMatch(ip, @"^((25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(25[0-5]|2[0-4]\d|[01]?\d\d?)$")).IsTrue();
        await AssertWireAsync(tgi, "/generate", "grammar-regex.wire.json");
    }

    [Test]
    public async Task GrammarTyped_ParsesTheAnswer_AndSendsTheDocumentedBody()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        GrammarSample.Person person = await GrammarSample.TypedAsync(new TgiClient(tgi.BaseAddress));

        await Assert.That(person.FirstName).IsNotNull();
        await AssertWireAsync(tgi, "/generate", "grammar-typed.wire.json");
    }

    [Test]
    public async Task TokenizeLimits_StaysWithinTheServersBudget()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { MaxInputTokens = 100, MaxTotalTokens = 120 });

        int budget = await TokenizeSample.RunAsync(new TgiClient(tgi.BaseAddress), "Hello world, how are you?");

        await Assert.That(budget).IsGreaterThan(0);
        await Assert.That(budget).IsLessThanOrEqualTo(120);
        await AssertWireAsync(tgi, "/tokenize", "tokenize.wire.json");
    }

    [Test]
    public async Task TokenizeLimits_RefusesAPromptTheServerWouldReject()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { MaxInputTokens = 3, MaxTotalTokens = 4 });

        await Assert.That(() => TokenizeSample.RunAsync(new TgiClient(tgi.BaseAddress), "one two three four five six")).Throws<ArgumentException>();
        await Assert.That(tgi.ReceivedRequests.Any(r => r.Path == "/generate")).IsFalse();
    }

    [Test]
    public async Task ChatTokenize_CountsTheTemplatedPrompt()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        int count = await TokenizeSample.CountChatAsync(new TgiClient(tgi.BaseAddress));

        await Assert.That(count).IsGreaterThan(0);
        await Assert.That(tgi.ReceivedRequests.Single().Path).IsEqualTo("/chat_tokenize");
    }

    [Test]
    public async Task ClientOptions_SendTheKeyAndTheHeaders()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ApiKey = "docs-secret" });

        TgiClient client = ClientOptionsSample.Create(tgi.BaseAddress, "docs-secret");
        await client.GenerateAsync("Hi", new GenerateOptions { MaxNewTokens = 4 });

        TgiRecordedRequest request = tgi.ReceivedRequests.Single();
        await Assert.That(request.Headers["Authorization"]).IsEqualTo("Bearer docs-secret");
        await Assert.That(request.Headers["X-Tenant"]).IsEqualTo("checkout");
    }

    [Test]
    public async Task ClientFromConfiguration_ReadsTheQuotedSection()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();
        IConfiguration configuration = new ConfigurationBuilder()
            .AddJsonFile(DeploymentFile("appsettings.Client.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["TgiClient:Endpoint"] = tgi.BaseAddress.ToString() })
            .Build();

        string text = await ClientOptionsSample.FromConfigurationAsync(configuration);

        await Assert.That(text).IsNotEmpty();
        await Assert.That(tgi.ReceivedRequests.Single().Headers["X-Tenant"]).IsEqualTo("checkout");
    }

    [Test]
    public async Task ProviderStream_AnswersFromAReplica_AndSendsTheDocumentedBody()
    {
        await using TgiEmulator first = await TgiEmulator.StartAsync();
        await using TgiEmulator second = await TgiEmulator.StartAsync();
        TgiProviderOptions options = new() { HealthCheckInterval = TimeSpan.Zero };
        options.Endpoints.Add(new TgiEndpointOptions { Url = first.BaseAddress.ToString() });
        options.Endpoints.Add(new TgiEndpointOptions { Url = second.BaseAddress.ToString() });
        using TgiProvider provider = new(options);

        string text = await ProviderStreamingSample.RunAsync(provider);

        await Assert.That(text).IsNotEmpty();
        TgiRecordedRequest request = first.ReceivedRequests.Concat(second.ReceivedRequests).Single(r => r.Path == "/v1/chat/completions");
        await AssertWireBodyAsync("provider-stream.wire.json", request.Body);
    }

    [Test]
    public async Task ChatClient_SendsTheDocumentedBody()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync();

        await ChatClientSample.RunAsync(new TgiClient(tgi.BaseAddress));

        await AssertWireBodyAsync("chat-client.wire.json", tgi.ReceivedRequests.First(r => r.Path == "/v1/chat/completions").Body);
    }

    [Test]
    public async Task TestingOwnCode_SeesTheOverload_ThenTheScriptedAnswer()
    {
        (string busy, string answer, string body) = await TestingSample.RunAsync();

        await Assert.That(busy).IsEqualTo("(busy, try again)");
        await Assert.That(answer).IsEqualTo("A short summary.");
        await Assert.That(body).Contains("\"messages\"");
    }

    internal static string DeploymentFile(string name) => Path.Combine(SnippetSource.SamplesDirectory, "Tgi.Sdk.Samples", "Deployment", name);

    private static async Task AssertWireAsync(TgiEmulator tgi, string path, string wireFile)
    {
        TgiRecordedRequest request = tgi.ReceivedRequests.Last(r => r.Path == path);
        await AssertWireBodyAsync(wireFile, request.Body);
    }

    private static async Task AssertWireBodyAsync(string wireFile, string body)
    {
        string? difference = await WireSnapshot.CompareAsync(wireFile, body);
        await Assert.That(difference).IsNull();
    }
}
