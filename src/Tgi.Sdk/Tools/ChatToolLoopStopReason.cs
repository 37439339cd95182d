// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Chat;

/// <summary>Why a tool loop (<see cref="TgiClient.RunToolsAsync(IEnumerable{ChatMessage}, ChatCompletionOptions, int, CancellationToken)"/>) stopped.</summary>
public enum ChatToolLoopStopReason
{
    /// <summary>The model answered with text (no tool call): the loop is done.</summary>
    Answered,

    /// <summary>
    /// The model still called a tool after the round limit; that last call was not run and is not in the transcript
    /// (it is in <see cref="ChatToolLoopResult.Completion"/>).
    /// </summary>
    MaxRoundsReached,
}
