// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Runtime.CompilerServices;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Internal;

namespace Tgi.Sdk;

/// <content>The tool-calling loop over <c>POST /v1/chat/completions</c>.</content>
public partial class TgiClient
{
    /// <summary>The default most chat requests a tool loop makes.</summary>
    public const int DefaultMaxToolRounds = 10;

    /// <summary>
    /// Runs a tool-calling loop: chats with <paramref name="options"/>' tools; when the model calls one, runs its
    /// handler, appends the assistant's tool-call turn and the tool result, and chats again; stops at a text answer or
    /// after <paramref name="maxRounds"/> requests.
    /// </summary>
    /// <param name="messages">The conversation so far.</param>
    /// <param name="options">The request options; every tool in <see cref="ChatCompletionOptions.Tools"/> needs a handler (<see cref="TgiTool"/>).</param>
    /// <param name="maxRounds">The most chat requests to make (a tool round plus the answer is two).</param>
    /// <param name="cancellationToken">The cancellation token, also passed to the handlers.</param>
    /// <returns>The last completion and the whole conversation.</returns>
    /// <remarks>
    /// <para>Tool-call turns are replayed in the form the server accepts: <c>tool_calls</c> without content on TGI ≥3.1.1,
    /// the call's grammar text as content before (read from <see cref="ChatCompletion.SystemFingerprint"/>). After a
    /// tool round a forced <see cref="ChatCompletionOptions.ToolChoice"/> (required or a named function) becomes
    /// <see cref="ChatToolChoice.Auto"/>, so the model can answer.</para>
    /// <para>TGI ≥3.2 answers a "no tool" pick with plain text from a second generation; older versions' <c>no_tool</c>
    /// and <c>notify_error</c> outcomes also arrive as text, which ends the loop. A handler's exception
    /// ends the loop and propagates.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no tools, or a tool has no handler.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRounds"/> is less than 1.</exception>
    /// <exception cref="TgiException">A request failed, or the model's call cannot be read or names an unknown tool (<see cref="TgiErrorType.InvalidOutput"/>).</exception>
    public virtual Task<ChatToolLoopResult> RunToolsAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions options, int maxRounds = DefaultMaxToolRounds, CancellationToken cancellationToken = default)
    {
        ChatMessage[] list = ToolLoop.Validate(messages, options, maxRounds);
        return RunToolsCoreAsync(ToolLoop.Start(list, options, maxRounds), 1, cancellationToken);
    }

    /// <summary>
    /// Runs a tool-calling loop (see <see cref="RunToolsAsync(IEnumerable{ChatMessage}, ChatCompletionOptions, int, CancellationToken)"/>)
    /// with loop options: the round limit, and how many tool calls of one turn run at once.
    /// </summary>
    /// <param name="messages">The conversation so far.</param>
    /// <param name="options">The request options; every tool in <see cref="ChatCompletionOptions.Tools"/> needs a handler (<see cref="TgiTool"/>).</param>
    /// <param name="loopOptions">How the loop runs.</param>
    /// <param name="cancellationToken">The cancellation token, also passed to the handlers.</param>
    /// <returns>The last completion and the whole conversation.</returns>
    /// <remarks>
    /// With <see cref="ChatToolLoopOptions.MaxParallelToolCalls"/> above 1 the calls of one turn run at once, up to that
    /// many; their results are still sent back in the calls' order. A failing handler cancels its siblings' tokens and
    /// its exception propagates once they have finished.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/>, <paramref name="options"/> or <paramref name="loopOptions"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no tools, or a tool has no handler.</exception>
    /// <exception cref="TgiException">A request failed, or the model's call cannot be read or names an unknown tool (<see cref="TgiErrorType.InvalidOutput"/>).</exception>
    public virtual Task<ChatToolLoopResult> RunToolsAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions options, ChatToolLoopOptions loopOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loopOptions);
        ChatMessage[] list = ToolLoop.Validate(messages, options, loopOptions.MaxRounds);
        return RunToolsCoreAsync(ToolLoop.Start(list, options, loopOptions.MaxRounds), loopOptions.MaxParallelToolCalls, cancellationToken);
    }

    /// <summary>
    /// Runs a tool-calling loop over streamed chats (see <see cref="RunToolsAsync(IEnumerable{ChatMessage}, ChatCompletionOptions, int, CancellationToken)"/>): yields the model's text as it
    /// arrives, each tool call and its result, and finally a <see cref="ChatToolLoopUpdateKind.Completed"/> update with
    /// the outcome.
    /// </summary>
    /// <param name="messages">The conversation so far.</param>
    /// <param name="options">The request options; every tool needs a handler.</param>
    /// <param name="maxRounds">The most chat requests to make.</param>
    /// <param name="cancellationToken">The cancellation token, also passed to the handlers.</param>
    /// <returns>A lazy stream of updates; the first request is sent when enumeration starts, and each enumeration runs the loop afresh.</returns>
    /// <remarks>
    /// Each round's tool call is assembled from its fragments when that stream ends (<see cref="ChatCompletionAccumulator"/>),
    /// without relying on a finish chunk or ids. Text that TGI ≤3.1 delivered as a hidden "no tool" call is yielded
    /// as one <see cref="ChatToolLoopUpdateKind.ContentDelta"/> at the end of its round.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no tools, or a tool has no handler.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRounds"/> is less than 1.</exception>
    public virtual IAsyncEnumerable<ChatToolLoopUpdate> RunToolsStreamingAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions options, int maxRounds = DefaultMaxToolRounds, CancellationToken cancellationToken = default)
    {
        ChatMessage[] list = ToolLoop.Validate(messages, options, maxRounds);
        return RunToolsStreamingCoreAsync(list, options.Clone(), maxRounds, 1, cancellationToken);
    }

    /// <summary>
    /// Runs a tool-calling loop over streamed chats (see <see cref="RunToolsStreamingAsync(IEnumerable{ChatMessage}, ChatCompletionOptions, int, CancellationToken)"/>)
    /// with loop options: the round limit, and how many tool calls of one turn run at once.
    /// </summary>
    /// <param name="messages">The conversation so far.</param>
    /// <param name="options">The request options; every tool needs a handler.</param>
    /// <param name="loopOptions">How the loop runs.</param>
    /// <param name="cancellationToken">The cancellation token, also passed to the handlers.</param>
    /// <returns>A lazy stream of updates; the first request is sent when enumeration starts, and each enumeration runs the loop afresh.</returns>
    /// <remarks>
    /// When the calls of a turn run at once (<see cref="ChatToolLoopOptions.MaxParallelToolCalls"/> above 1), every
    /// <see cref="ChatToolLoopUpdateKind.ToolCall"/> update of the turn comes first, then the
    /// <see cref="ChatToolLoopUpdateKind.ToolResult"/> updates, in the calls' order, once all handlers have finished.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/>, <paramref name="options"/> or <paramref name="loopOptions"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no tools, or a tool has no handler.</exception>
    public virtual IAsyncEnumerable<ChatToolLoopUpdate> RunToolsStreamingAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions options, ChatToolLoopOptions loopOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loopOptions);
        ChatMessage[] list = ToolLoop.Validate(messages, options, loopOptions.MaxRounds);
        return RunToolsStreamingCoreAsync(list, options.Clone(), loopOptions.MaxRounds, loopOptions.MaxParallelToolCalls, cancellationToken);
    }

    private async Task<ChatToolLoopResult> RunToolsCoreAsync(ToolLoop loop, int maxParallelToolCalls, CancellationToken cancellationToken)
    {
        while (true)
        {
            loop.BeginRound();
            TgiResult<ChatCompletion> result = await ChatAsync(loop.Messages, loop.Options, cancellationToken).ConfigureAwait(false);
            ChatCompletion completion = result.Value;
            if (completion.ToolCalls.Count == 0 || loop.AtLimit)
            {
                return loop.Finish(completion);
            }

            loop.AppendToolTurn(completion);
            IReadOnlyList<ChatToolCall> calls = completion.ToolCalls;
            ChatTool[] tools = [.. calls.Select(loop.Find)];
            string[] outputs = await ToolCallRunner.RunAsync(tools, calls, maxParallelToolCalls, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < calls.Count; i++)
            {
                loop.AppendToolResult(calls[i], outputs[i]);
            }

            loop.AfterToolRound();
        }
    }

    private async IAsyncEnumerable<ChatToolLoopUpdate> RunToolsStreamingCoreAsync(
        ChatMessage[] messages,
        ChatCompletionOptions options,
        int maxRounds,
        int maxParallelToolCalls,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ToolLoop loop = ToolLoop.Start(messages, options, maxRounds);
        while (true)
        {
            loop.BeginRound();
            int round = loop.Round;
            ChatCompletionAccumulator accumulator = new();
            bool streamedText = false;
            await foreach (ChatCompletionUpdate update in ChatStreamingAsync(loop.Messages, loop.Options, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                accumulator.Append(update);
                if (update.ContentDelta is { Length: > 0 } delta)
                {
                    streamedText = true;
                    yield return new ChatToolLoopUpdate(ChatToolLoopUpdateKind.ContentDelta, round, delta, null, null, null);
                }
            }

            ChatCompletion completion = accumulator.ToCompletion();
            if (!streamedText && completion.Content is { Length: > 0 } resolved)
            {
                // TGI ≤3.1: a notify_error / no_tool answer streamed as tool-call fragments becomes text only now.
                yield return new ChatToolLoopUpdate(ChatToolLoopUpdateKind.ContentDelta, round, resolved, null, null, null);
            }

            if (completion.ToolCalls.Count == 0 || loop.AtLimit)
            {
                yield return new ChatToolLoopUpdate(ChatToolLoopUpdateKind.Completed, round, null, null, null, loop.Finish(completion));
                yield break;
            }

            loop.AppendToolTurn(completion);
            IReadOnlyList<ChatToolCall> calls = completion.ToolCalls;
            if (maxParallelToolCalls <= 1 || calls.Count <= 1)
            {
                foreach (ChatToolCall call in calls)
                {
                    ChatTool tool = loop.Find(call);
                    yield return new ChatToolLoopUpdate(ChatToolLoopUpdateKind.ToolCall, round, null, call, null, null);
                    string output = await tool.InvokeAsync(call, cancellationToken).ConfigureAwait(false);
                    loop.AppendToolResult(call, output);
                    yield return new ChatToolLoopUpdate(ChatToolLoopUpdateKind.ToolResult, round, null, call, output, null);
                }
            }
            else
            {
                ChatTool[] tools = [.. calls.Select(loop.Find)];
                foreach (ChatToolCall call in calls)
                {
                    yield return new ChatToolLoopUpdate(ChatToolLoopUpdateKind.ToolCall, round, null, call, null, null);
                }

                string[] outputs = await ToolCallRunner.RunAsync(tools, calls, maxParallelToolCalls, cancellationToken).ConfigureAwait(false);
                for (int i = 0; i < calls.Count; i++)
                {
                    loop.AppendToolResult(calls[i], outputs[i]);
                    yield return new ChatToolLoopUpdate(ChatToolLoopUpdateKind.ToolResult, round, null, calls[i], outputs[i], null);
                }
            }

            loop.AfterToolRound();
        }
    }
}
