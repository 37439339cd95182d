// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Benchmarks.Payloads;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Benchmarks.Loopback;

/// <summary>Emulator settings for the loopback measurements: the same token texts as the in-memory payloads.</summary>
internal static class EmulatorSetup
{
    /// <summary>Starts an emulator that answers every generation with <paramref name="tokens"/> tokens (the last is EOS).</summary>
    public static Task<TgiEmulator> StartAsync(int tokens, int flushEveryEvents)
    {
        string[] pieces = new string[tokens - 1];
        for (int i = 0; i < pieces.Length; i++)
        {
            pieces[i] = TokenTextSource.Piece(i);
        }

        var options = new TgiEmulatorOptions
        {
            ModelId = StreamPayloads.ModelId,
            Generator = TgiGenerator.Scripted(pieces),
            FlushEveryEvents = flushEveryEvents,
            // Room for 10,000-token generations and 1,000+ concurrent streams; TGI's defaults would reject both.
            MaxTotalTokens = 1_000_000,
            MaxInputTokens = 4095,
            MaxConcurrentRequests = 100_000,
        };
        return TgiEmulator.StartAsync(options);
    }
}
