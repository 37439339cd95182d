// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Completions;

/// <summary>The completion of one prompt.</summary>
public sealed class CompletionChoice
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="index">The prompt's position in the batch.</param>
    /// <param name="text">The generated text.</param>
    /// <param name="finishReason">Why generation stopped.</param>
    public CompletionChoice(int index, string text, FinishReason? finishReason)
    {
        Index = index;
        Text = text ?? string.Empty;
        FinishReason = finishReason;
    }

    /// <summary>Gets the position of the prompt this choice answers.</summary>
    public int Index { get; }

    /// <summary>Gets the generated text.</summary>
    public string Text { get; }

    /// <summary>Gets why generation stopped (<c>stop</c> for EOS here, unlike the stream).</summary>
    public FinishReason? FinishReason { get; }
}
