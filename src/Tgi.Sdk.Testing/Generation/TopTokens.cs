// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>The <c>top_n_tokens</c> alternatives of a token: scripted ones, or the token itself plus derived runners-up.</summary>
internal static class TopTokens
{
    public static IReadOnlyList<TgiGeneratedToken> For(TgiGeneratedToken token, int topN)
    {
        if (token.TopTokens is { } scripted)
        {
            return scripted.Count <= topN ? scripted : [.. scripted.Take(topN)];
        }

        var alternatives = new List<TgiGeneratedToken>(topN) { token };
        for (int i = 1; i < topN; i++)
        {
            string text = token.Text + new string('~', i);
            float? logprob = token.Logprob is { } value ? value - i : null;
            alternatives.Add(new TgiGeneratedToken(EmulatorTokenizer.IdOf(text), text, logprob, special: false, isEndOfSequence: false));
        }

        return alternatives;
    }
}
