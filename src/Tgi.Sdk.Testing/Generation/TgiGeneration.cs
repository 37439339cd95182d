// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>
/// What the emulated model would say if nothing stopped it: the emulator then applies <c>max_new_tokens</c>, stop
/// sequences and EOS exactly as TGI does, so a generation may be longer than what a request gets back.
/// </summary>
public sealed class TgiGeneration
{
    /// <summary>Initializes a new generation.</summary>
    /// <param name="tokens">The tokens in order; end with an EOS token (see <see cref="TgiGeneratedToken.IsEndOfSequence"/>) for <c>eos_token</c>.</param>
    public TgiGeneration(IReadOnlyList<TgiGeneratedToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        Tokens = tokens;
    }

    /// <summary>Gets the generated tokens.</summary>
    public IReadOnlyList<TgiGeneratedToken> Tokens { get; }

    /// <summary>
    /// Gets the prompt tokens returned as <c>prefill</c> when <c>decoder_input_details</c> is true; null lets the emulator
    /// tokenize the prompt (an empty list is what flash models send without <c>--enable-prefill-logprobs</c>).
    /// </summary>
    public IReadOnlyList<TgiGeneratedToken>? Prefill { get; init; }

    /// <summary>Gets the seed to report when sampling was used; null lets the emulator derive one from the request.</summary>
    public ulong? Seed { get; init; }

    /// <summary>
    /// Gets the prompt length to report (<c>usage.prompt_tokens</c>, <c>input_length</c>, <c>x-prompt-tokens</c>) instead
    /// of the emulator tokenizer's count: for replaying a response recorded from a real model. Limits are still checked
    /// with the emulator's count.
    /// </summary>
    public int? PromptTokens { get; init; }

    /// <summary>
    /// Gets the decoded text of the whole generation when it differs from the joined token texts (a real tokenizer's
    /// decode can drop a leading space or merge pieces): for replaying recordings. It is used only when every token is
    /// returned; a shorter answer falls back to joining the kept tokens.
    /// </summary>
    public string? Text { get; init; }
}
