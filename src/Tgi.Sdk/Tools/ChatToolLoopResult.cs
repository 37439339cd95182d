// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Chat;

/// <summary>The outcome of a tool loop: the last completion and the whole conversation, ready to continue.</summary>
public sealed class ChatToolLoopResult
{
    /// <summary>Initializes a new instance (for tests and mocks).</summary>
    /// <param name="completion">The last completion.</param>
    /// <param name="messages">The conversation: the input messages, every tool turn and result, and the answer.</param>
    /// <param name="rounds">How many chat requests the loop made.</param>
    /// <param name="stopReason">Why the loop stopped.</param>
    /// <exception cref="ArgumentNullException"><paramref name="completion"/> or <paramref name="messages"/> is null.</exception>
    public ChatToolLoopResult(ChatCompletion completion, IReadOnlyList<ChatMessage> messages, int rounds, ChatToolLoopStopReason stopReason)
    {
        ArgumentNullException.ThrowIfNull(completion);
        ArgumentNullException.ThrowIfNull(messages);
        Completion = completion;
        Messages = messages;
        Rounds = rounds;
        StopReason = stopReason;
    }

    /// <summary>Gets the last completion: the text answer, or the unrun tool call when the round limit was reached.</summary>
    public ChatCompletion Completion { get; }

    /// <summary>Gets the text of the answer (null when the loop stopped at the round limit on a tool call).</summary>
    public string? Content => Completion.Content;

    /// <summary>
    /// Gets the conversation: the input messages, then for each tool round the assistant's tool-call message and one
    /// tool message per call, then the assistant's answer (when it answered). Pass it, plus a new user message, to continue.
    /// </summary>
    public IReadOnlyList<ChatMessage> Messages { get; }

    /// <summary>Gets how many chat requests the loop made (a tool round and the answer are two).</summary>
    public int Rounds { get; }

    /// <summary>Gets why the loop stopped.</summary>
    public ChatToolLoopStopReason StopReason { get; }
}
