// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Tools;

/// <summary>
/// Several tool calls in one turn. TGI returns at most one tool call per turn (it never emits several), so these tests
/// replay the multi-call shape vLLM and OpenAI send, from a real loopback server, through the same loop.
/// </summary>
public class ParallelToolLoopTests
{
    // Generous: a handler waits this long for its sibling only when the loop (wrongly) runs them one after another.
    private static readonly TimeSpan s_siblingWait = TimeSpan.FromSeconds(30);
    private static readonly JsonElement s_anyArgs = JsonDocument.Parse("{\"type\":\"object\",\"properties\":{}}").RootElement;
    private static readonly ChatMessage[] s_ask = [ChatMessage.CreateUser("Look up a, b and c.")];

    private const string Answer =
        "{\"object\":\"chat.completion\",\"id\":\"\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"3.3.6-native\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Done.\"},\"logprobs\":null,\"finish_reason\":\"stop\"}]}";

    private static string Calls(params string[] names) =>
        "{\"object\":\"chat.completion\",\"id\":\"\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"3.3.6-native\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"tool_calls\":["
        + string.Join(',', names.Select(n => "{\"id\":\"call_" + n + "\",\"type\":\"function\",\"function\":{\"name\":\"get_" + n + "\",\"arguments\":\"{}\"}}"))
        + "]},\"logprobs\":null,\"finish_reason\":\"tool_calls\"}]}";

    private static string StreamedCalls(params string[] names)
    {
        string chunk(string delta, string finish) =>
            "data: {\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"3.3.6-native\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finish + "}],\"usage\":null}\n\n";
        string text = string.Concat(names.Select((n, i) =>
            chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":" + i + ",\"id\":\"call_" + n + "\",\"type\":\"function\",\"function\":{\"name\":\"get_" + n + "\",\"arguments\":\"{\"}}]}", "null")
            + chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":" + i + ",\"function\":{\"name\":null,\"arguments\":\"}\"}}]}", "null")));
        return text + chunk("{\"role\":\"assistant\",\"content\":\"\"}", "\"tool_calls\"") + "data: [DONE]\n\n";
    }

    [Test]
    public async Task RunToolsAsync_TwoCallsInParallel_HandlersThatWaitOnEachOtherFinish_AndResultsKeepTheCallOrder()
    {
        await using ScriptedChatServer server = await ScriptedChatServer.StartAsync(Calls("a", "b"), Answer);
        TaskCompletionSource aStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        TaskCompletionSource bStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        TaskCompletionSource bDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
        ChatCompletionOptions options = new();
        options.Tools.Add(TgiTool.Create("get_a", null, s_anyArgs, async (_, ct) =>
        {
            aStarted.SetResult();
            await bStarted.Task.WaitAsync(s_siblingWait, ct);
            await bDone.Task.WaitAsync(s_siblingWait, ct); // a finishes last, yet its result comes first
            return "result a";
        }));
        options.Tools.Add(TgiTool.Create("get_b", null, s_anyArgs, async (_, ct) =>
        {
            bStarted.SetResult();
            await aStarted.Task.WaitAsync(s_siblingWait, ct);
            bDone.SetResult();
            return "result b";
        }));

        ChatToolLoopResult result = await server.Client.RunToolsAsync(s_ask, options, new ChatToolLoopOptions { MaxParallelToolCalls = 2 });

        await Assert.That(result.Content).IsEqualTo("Done.");
        await Assert.That(ToolResults(server.RequestBodies[1])).IsEquivalentTo(new[] { "call_a=result a", "call_b=result b" }, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(ToolResults(result.Messages)).IsEquivalentTo(new[] { "call_a=result a", "call_b=result b" }, TUnit.Assertions.Enums.CollectionOrdering.Matching);
    }

    [Test]
    public async Task RunToolsStreamingAsync_TwoCallsInParallel_HandlersThatWaitOnEachOtherFinish_AndResultsKeepTheCallOrder()
    {
        await using ScriptedChatServer server = await ScriptedChatServer.StartAsync(StreamedCalls("a", "b"), "data: {\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"3.3.6-native\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Done.\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}\n\ndata: [DONE]\n\n");
        TaskCompletionSource aStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        TaskCompletionSource bStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        ChatCompletionOptions options = new();
        options.Tools.Add(TgiTool.Create("get_a", null, s_anyArgs, async (_, ct) =>
        {
            aStarted.SetResult();
            await bStarted.Task.WaitAsync(s_siblingWait, ct);
            return "result a";
        }));
        options.Tools.Add(TgiTool.Create("get_b", null, s_anyArgs, async (_, ct) =>
        {
            bStarted.SetResult();
            await aStarted.Task.WaitAsync(s_siblingWait, ct);
            return "result b";
        }));

        List<ChatToolLoopUpdate> updates = await Expect.ToListAsync(server.Client.RunToolsStreamingAsync(s_ask, options, new ChatToolLoopOptions { MaxParallelToolCalls = 2 }));

        string[] shape = [.. updates.Select(u => u.Kind + ":" + (u.ToolCall?.Id ?? u.ContentDelta ?? string.Empty))];
        await Assert.That(shape).IsEquivalentTo(
            new[] { "ToolCall:call_a", "ToolCall:call_b", "ToolResult:call_a", "ToolResult:call_b", "ContentDelta:Done.", "Completed:" },
            TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(ToolResults(server.RequestBodies[1])).IsEquivalentTo(new[] { "call_a=result a", "call_b=result b" }, TUnit.Assertions.Enums.CollectionOrdering.Matching);
    }

    [Test]
    public async Task RunToolsAsync_ByDefault_RunsTheCallsOneAfterAnotherInOrder()
    {
        await using ScriptedChatServer server = await ScriptedChatServer.StartAsync(Calls("a", "b", "c"), Answer);
        ConcurrencyProbe probe = new();
        ChatCompletionOptions options = new();
        foreach (string name in new[] { "a", "b", "c" })
        {
            options.Tools.Add(TgiTool.Create("get_" + name, null, s_anyArgs, (_, _) => probe.RunAsync(name)));
        }

        await server.Client.RunToolsAsync(s_ask, options);

        await Assert.That(probe.MaxConcurrent).IsEqualTo(1);
        await Assert.That(probe.Started).IsEquivalentTo(new[] { "a", "b", "c" }, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(ToolResults(server.RequestBodies[1])).IsEquivalentTo(new[] { "call_a=a", "call_b=b", "call_c=c" }, TUnit.Assertions.Enums.CollectionOrdering.Matching);
    }

    [Test]
    public async Task RunToolsAsync_MaxParallelTwo_NeverRunsMoreThanTwo_AndKeepsTheCallOrder()
    {
        await using ScriptedChatServer server = await ScriptedChatServer.StartAsync(Calls("a", "b", "c", "d"), Answer);
        ConcurrencyProbe probe = new();
        ChatCompletionOptions options = new();
        foreach (string name in new[] { "a", "b", "c", "d" })
        {
            options.Tools.Add(TgiTool.Create("get_" + name, null, s_anyArgs, (_, _) => probe.RunAsync(name)));
        }

        await server.Client.RunToolsAsync(s_ask, options, new ChatToolLoopOptions { MaxParallelToolCalls = 2 });

        await Assert.That(probe.MaxConcurrent).IsLessThanOrEqualTo(2);
        await Assert.That(ToolResults(server.RequestBodies[1])).IsEquivalentTo(new[] { "call_a=a", "call_b=b", "call_c=c", "call_d=d" }, TUnit.Assertions.Enums.CollectionOrdering.Matching);
    }

    [Test]
    [Arguments(1)]
    [Arguments(2)]
    public async Task RunToolsAsync_CallerCancels_TheHandlersTokenIsCancelled(int maxParallel)
    {
        await using ScriptedChatServer server = await ScriptedChatServer.StartAsync(Calls("a", "b"), Answer);
        using CancellationTokenSource cts = new();
        TaskCompletionSource<CancellationToken> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        ChatCompletionOptions options = new();
        options.Tools.Add(TgiTool.Create("get_a", null, s_anyArgs, async (_, ct) =>
        {
            started.TrySetResult(ct);
            await Task.Delay(Timeout.Infinite, ct);
            return "never";
        }));
        options.Tools.Add(TgiTool.Create("get_b", null, s_anyArgs, (_, _) => Task.FromResult("b")));

        Task<ChatToolLoopResult> loop = server.Client.RunToolsAsync(s_ask, options, new ChatToolLoopOptions { MaxParallelToolCalls = maxParallel }, cts.Token);
        CancellationToken handlerToken = await started.Task.WaitAsync(s_siblingWait);
        await cts.CancelAsync();

        await Assert.That(() => (Task)loop).Throws<OperationCanceledException>();
        await Assert.That(handlerToken.IsCancellationRequested).IsTrue();
        await Assert.That(server.RequestBodies.Count).IsEqualTo(1);
    }

    [Test]
    public async Task RunToolsAsync_OneParallelHandlerFails_SiblingIsCancelled_AndTheFailurePropagates()
    {
        await using ScriptedChatServer server = await ScriptedChatServer.StartAsync(Calls("a", "b"), Answer);
        TaskCompletionSource<CancellationToken> bStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        ChatCompletionOptions options = new();
        options.Tools.Add(TgiTool.Create("get_a", null, s_anyArgs, async (_, _) =>
        {
            await bStarted.Task.WaitAsync(s_siblingWait);
            throw new InvalidOperationException("service a is down");
        }));
        options.Tools.Add(TgiTool.Create("get_b", null, s_anyArgs, async (_, ct) =>
        {
            bStarted.SetResult(ct);
            await Task.Delay(Timeout.Infinite, ct);
            return "never";
        }));

        InvalidOperationException? ex = await Assert.That(() => (Task)server.Client.RunToolsAsync(s_ask, options, new ChatToolLoopOptions { MaxParallelToolCalls = 2 })).Throws<InvalidOperationException>();

        await Assert.That(ex!.Message).IsEqualTo("service a is down");
        await Assert.That((await bStarted.Task).IsCancellationRequested).IsTrue();
    }

    [Test]
    public async Task ChatToolLoopOptions_ValuesBelowOne_AreRejected()
    {
        ChatToolLoopOptions options = new();

        await Assert.That(() => options.MaxParallelToolCalls = 0).Throws<ArgumentOutOfRangeException>();
        await Assert.That(() => options.MaxRounds = 0).Throws<ArgumentOutOfRangeException>();
        await Assert.That(options.MaxParallelToolCalls).IsEqualTo(1);
        await Assert.That(options.MaxRounds).IsEqualTo(TgiClient.DefaultMaxToolRounds);
    }

    private static string[] ToolResults(string requestBody) =>
        [.. JsonDocument.Parse(requestBody).RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("role").GetString() == "tool")
            .Select(m => m.GetProperty("tool_call_id").GetString() + "=" + m.GetProperty("content").GetString())];

    private static string[] ToolResults(IReadOnlyList<ChatMessage> messages) =>
        [.. messages.Where(m => m.Role == ChatRole.Tool).Select(m => m.ToolCallId + "=" + m.Content)];

    /// <summary>Counts how many handlers run at once, and in which order they start.</summary>
    private sealed class ConcurrencyProbe
    {
        private readonly Lock _gate = new();
        private int _running;

        public int MaxConcurrent { get; private set; }

        public List<string> Started { get; } = [];

        public async Task<string> RunAsync(string name)
        {
            lock (_gate)
            {
                Started.Add(name);
                _running++;
                MaxConcurrent = Math.Max(MaxConcurrent, _running);
            }

            await Task.Yield();
            lock (_gate)
            {
                _running--;
            }

            return name;
        }
    }
}
