// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>One token the emulated model produces: TGI's <c>Token</c> (<c>id</c>, <c>text</c>, <c>logprob</c>, <c>special</c>).</summary>
public sealed class TgiGeneratedToken
{
    /// <summary>Initializes a new token.</summary>
    /// <param name="id">The vocabulary id.</param>
    /// <param name="text">The decoded text of the token.</param>
    /// <param name="logprob">The log probability; null is sent as JSON <c>null</c> (TGI: non-finite values).</param>
    /// <param name="special">Whether it is a special token (removed from <c>generated_text</c>).</param>
    /// <param name="isEndOfSequence">
    /// Whether generation ends here with <c>eos_token</c>; when null, a special token whose text is a usual EOS marker
    /// (<c>&lt;/s&gt;</c>, <c>&lt;|eot_id|&gt;</c>, <c>&lt;|endoftext|&gt;</c>, <c>&lt;|im_end|&gt;</c>, <c>&lt;eos&gt;</c>, <c>&lt;end_of_turn&gt;</c>) counts.
    /// </param>
    public TgiGeneratedToken(int id, string text, float? logprob = null, bool special = false, bool? isEndOfSequence = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Id = id;
        Text = text;
        Logprob = logprob;
        Special = special;
        IsEndOfSequence = isEndOfSequence ?? (special && IsUsualEosText(text));
    }

    /// <summary>Gets the vocabulary id.</summary>
    public int Id { get; }

    /// <summary>Gets the decoded text.</summary>
    public string Text { get; }

    /// <summary>Gets the log probability (null is written as <c>null</c>).</summary>
    public float? Logprob { get; }

    /// <summary>Gets a value indicating whether this is a special token.</summary>
    public bool Special { get; }

    /// <summary>Gets a value indicating whether generation stops after this token with <c>eos_token</c>.</summary>
    public bool IsEndOfSequence { get; }

    /// <summary>Gets the alternatives sent in <c>top_tokens</c> when a request asks for <c>top_n_tokens</c>; null lets the emulator derive them.</summary>
    public IReadOnlyList<TgiGeneratedToken>? TopTokens { get; init; }

    private static bool IsUsualEosText(string text) =>
        text is "</s>" or "<|eot_id|>" or "<|endoftext|>" or "<|im_end|>" or "<eos>" or "<end_of_turn>";
}
