// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Generate;

/// <summary>The details on the last event of <c>/generate_stream</c> (TGI: <c>StreamDetails</c>).</summary>
public sealed class StreamDetails
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="finishReason">Why generation stopped.</param>
    /// <param name="generatedTokens">The number of generated tokens.</param>
    /// <param name="seed">The seed, when sampling was used.</param>
    /// <param name="inputLength">The number of prompt tokens, when the server reports it.</param>
    public StreamDetails(FinishReason finishReason, int generatedTokens, ulong? seed, int? inputLength)
    {
        FinishReason = finishReason;
        GeneratedTokens = generatedTokens;
        Seed = seed;
        InputLength = inputLength;
    }

    /// <summary>Gets why generation stopped.</summary>
    public FinishReason FinishReason { get; }

    /// <summary>Gets the number of generated tokens.</summary>
    public int GeneratedTokens { get; }

    /// <summary>Gets the seed, when sampling was used.</summary>
    public ulong? Seed { get; }

    /// <summary>Gets the number of prompt tokens (<c>input_length</c>; absent on old servers).</summary>
    public int? InputLength { get; }
}
