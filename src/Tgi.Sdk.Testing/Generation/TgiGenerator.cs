// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>
/// The emulated model: turns a <see cref="TgiGenerationRequest"/> into tokens. Implementations must be thread-safe and
/// should be deterministic (the same request gives the same tokens).
/// </summary>
public abstract class TgiGenerator
{
    /// <summary>Gets the default model: deterministic text derived from a hash of the prompt, JSON and regex grammars honoured, tools called.</summary>
    public static TgiGenerator Default { get; } = new DeterministicGenerator();

    /// <summary>Produces the model's output for one request.</summary>
    /// <param name="request">What to continue.</param>
    /// <returns>The tokens the model would produce if nothing stopped it.</returns>
    public abstract TgiGeneration Generate(TgiGenerationRequest request);

    /// <summary>A model that always answers the given token texts, then <c>&lt;/s&gt;</c> (ids and logprobs derived from the text).</summary>
    /// <param name="tokens">The token texts, in order.</param>
    /// <returns>The scripted generator.</returns>
    public static TgiGenerator Scripted(params string[] tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var list = new List<TgiGeneratedToken>(tokens.Length + 1);
        foreach (string text in tokens)
        {
            list.Add(DeterministicGenerator.TokenFor(text));
        }

        list.Add(DeterministicGenerator.Eos());
        return new ScriptedGenerator(new TgiGeneration(list));
    }

    /// <summary>A model that always answers exactly these tokens (add an EOS token yourself to end with <c>eos_token</c>).</summary>
    /// <param name="tokens">The tokens, with ids, logprobs and special flags as they should appear on the wire.</param>
    /// <returns>The scripted generator.</returns>
    public static TgiGenerator Scripted(IEnumerable<TgiGeneratedToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return new ScriptedGenerator(new TgiGeneration([.. tokens]));
    }

    /// <summary>A model that always answers this generation.</summary>
    /// <param name="generation">The generation, including prefill and seed if the test needs them exact.</param>
    /// <returns>The scripted generator.</returns>
    public static TgiGenerator Scripted(TgiGeneration generation)
    {
        ArgumentNullException.ThrowIfNull(generation);
        return new ScriptedGenerator(generation);
    }

    /// <summary>A model that repeats one token <paramref name="count"/> times, then <c>&lt;/s&gt;</c>: a cheap long stream for benchmarks.</summary>
    /// <param name="tokenText">The token text.</param>
    /// <param name="count">How many times.</param>
    /// <returns>The scripted generator.</returns>
    public static TgiGenerator Repeat(string tokenText, int count)
    {
        ArgumentNullException.ThrowIfNull(tokenText);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        TgiGeneratedToken token = DeterministicGenerator.TokenFor(tokenText);
        var list = new TgiGeneratedToken[count + 1];
        Array.Fill(list, token, 0, count);
        list[count] = DeterministicGenerator.Eos();
        return new ScriptedGenerator(new TgiGeneration(list));
    }

    /// <summary>A model defined by a function, so a test can answer per request (for example only when tools are offered).</summary>
    /// <param name="generate">The function; it must be thread-safe.</param>
    /// <returns>The generator.</returns>
    public static TgiGenerator Create(Func<TgiGenerationRequest, TgiGeneration> generate)
    {
        ArgumentNullException.ThrowIfNull(generate);
        return new DelegateGenerator(generate);
    }

    /// <summary>Splits text into tokens with the emulator's tokenizer (ids and logprobs derived from the text), for building scripts.</summary>
    /// <param name="text">The text.</param>
    /// <param name="appendEos">Whether to end with <c>&lt;/s&gt;</c>.</param>
    /// <returns>The tokens.</returns>
    public static IReadOnlyList<TgiGeneratedToken> Tokenize(string text, bool appendEos = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DeterministicGenerator.TokensOf(text, appendEos);
    }
}
