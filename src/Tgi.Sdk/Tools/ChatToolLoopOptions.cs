// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Chat;

/// <summary>How a tool loop runs: how many chat requests it may make, and how many tool calls of one turn run at once.</summary>
public sealed class ChatToolLoopOptions
{
    private int _maxRounds = TgiClient.DefaultMaxToolRounds;
    private int _maxParallelToolCalls = 1;

    /// <summary>Gets or sets the most chat requests the loop makes (a tool round plus the answer is two). The default is <see cref="TgiClient.DefaultMaxToolRounds"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxRounds
    {
        get => _maxRounds;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxRounds = value;
        }
    }

    /// <summary>
    /// Gets or sets how many tool calls of one turn the loop runs at the same time. The default, 1, runs them one after
    /// another in the order the model made them.
    /// </summary>
    /// <remarks>
    /// Whatever the value, the results are sent back in the calls' order. When one handler fails, the others of the
    /// turn are cancelled through their cancellation token, the loop waits for them, and the first failure propagates.
    /// TGI itself returns at most one tool call per turn; servers such as vLLM can return several.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxParallelToolCalls
    {
        get => _maxParallelToolCalls;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxParallelToolCalls = value;
        }
    }
}
