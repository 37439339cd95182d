// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.AI;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Extensions.AI.Tests;

/// <summary>The public backend seam: a backend of the caller's own runs under the same IChatClient adapter.</summary>
public class TgiChatBackendTests
{
    [Test]
    public async Task AsIChatClient_OwnBackend_RoutesEveryCallThroughIt()
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions
        {
            ModelId = "m-own",
            Generator = TgiGenerator.Scripted(["Routed", " by", " me", "."]),
        });
        CountingBackend backend = new(new TgiClient(tgi.BaseAddress));
        IChatClient client = backend.AsIChatClient("m-own");

        ChatResponse response = await client.GetResponseAsync("hi");
        List<string> streamed = [];
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync("hi"))
        {
            streamed.Add(update.Text);
        }

        ChatResponse generated = await client.GetResponseAsync(
            "hi",
            new ChatOptions { TopK = 5 });

        await Assert.That(response.Text).IsEqualTo("Routed by me.");
        await Assert.That(string.Concat(streamed)).IsEqualTo("Routed by me.");
        await Assert.That(generated.Text).IsEqualTo("Routed by me.");
        await Assert.That(backend.Calls).IsEquivalentTo(new[] { "chat", "chat-stream", "generate" });
        await Assert.That(client.GetService<TgiClient>()).IsSameReferenceAs(backend.InnerService);
        await Assert.That(client.GetService<ChatClientMetadata>()!.ProviderUri).IsNull();
    }

    [Test]
    public async Task AsIChatClient_NullBackend_Throws()
    {
        await Assert.That(() => ((TgiChatBackend)null!).AsIChatClient()).Throws<ArgumentNullException>();
    }

    /// <summary>A backend that records which call the adapter made, then forwards to one client.</summary>
    private sealed class CountingBackend : TgiChatBackend
    {
        private readonly TgiClient _client;

        public CountingBackend(TgiClient client)
        {
            _client = client;
        }

        public List<string> Calls { get; } = [];

        public override object InnerService => _client;

        public override Task<TgiResult<ChatCompletion>> ChatAsync(IReadOnlyList<Chat.ChatMessage> messages, ChatCompletionOptions options, CancellationToken cancellationToken)
        {
            Calls.Add("chat");
            return _client.ChatAsync(messages, options, cancellationToken);
        }

        public override IAsyncEnumerable<ChatCompletionUpdate> ChatStreamingAsync(IReadOnlyList<Chat.ChatMessage> messages, ChatCompletionOptions options, CancellationToken cancellationToken)
        {
            Calls.Add("chat-stream");
            return _client.ChatStreamingAsync(messages, options, cancellationToken);
        }

        public override Task<TgiResult<GenerateResponse>> GenerateAsync(string prompt, GenerateOptions options, CancellationToken cancellationToken)
        {
            Calls.Add("generate");
            return _client.GenerateAsync(prompt, options, cancellationToken);
        }

        public override IAsyncEnumerable<GenerateStreamUpdate> GenerateStreamingAsync(string prompt, GenerateOptions options, CancellationToken cancellationToken)
        {
            Calls.Add("generate-stream");
            return _client.GenerateStreamingAsync(prompt, options, cancellationToken);
        }
    }
}
