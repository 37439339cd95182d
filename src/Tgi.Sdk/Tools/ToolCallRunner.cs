// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Runtime.ExceptionServices;
using Tgi.Sdk.Chat;

namespace Tgi.Sdk.Internal;

/// <summary>Runs the tool calls of one turn, one at a time or a bounded number at once, and keeps the results in the calls' order.</summary>
internal static class ToolCallRunner
{
    /// <summary>Runs the handlers of the calls.</summary>
    /// <param name="tools">The tool of each call, in the calls' order.</param>
    /// <param name="calls">The calls.</param>
    /// <param name="maxParallel">How many handlers may run at once.</param>
    /// <param name="cancellationToken">The caller's token, passed to every handler.</param>
    /// <returns>The results, in the calls' order.</returns>
    public static async Task<string[]> RunAsync(IReadOnlyList<ChatTool> tools, IReadOnlyList<ChatToolCall> calls, int maxParallel, CancellationToken cancellationToken)
    {
        string[] results = new string[calls.Count];
        if (maxParallel <= 1 || calls.Count <= 1)
        {
            for (int i = 0; i < calls.Count; i++)
            {
                results[i] = await tools[i].InvokeAsync(calls[i], cancellationToken).ConfigureAwait(false);
            }

            return results;
        }

        // A sibling's failure cancels the rest of the turn: the handlers get a token linked to the caller's.
        using CancellationTokenSource turn = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ExceptionDispatchInfo? failure = null;
        int next = -1;

        async Task WorkAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < calls.Count && Volatile.Read(ref failure) is null)
            {
                try
                {
                    results[index] = await tools[index].InvokeAsync(calls[index], turn.Token).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    // The first failure wins; the siblings' cancellations that it causes are not the story.
                    if (Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null) is null)
                    {
                        await turn.CancelAsync().ConfigureAwait(false);
                    }

                    return;
                }
            }
        }

        Task[] workers = new Task[Math.Min(maxParallel, calls.Count)];
        for (int i = 0; i < workers.Length; i++)
        {
            // Task.Run: a handler that does synchronous work before its first await must not hold up its siblings.
            workers[i] = Task.Run(WorkAsync, CancellationToken.None);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        failure?.Throw();
        return results;
    }
}
