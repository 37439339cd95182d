// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing.Tests.Support;

/// <summary>Scripted replies with known ids and exact logprobs, so tests can assert whole bodies byte for byte.</summary>
internal static class Scripts
{
    public static readonly TgiGeneratedToken Hello = new(10, "Hello", -0.5f);
    public static readonly TgiGeneratedToken World = new(11, " world", -0.25f);
    public static readonly TgiGeneratedToken Eos = new(2, "</s>", -0.125f, special: true);

    /// <summary>"Hello", " world", then EOS.</summary>
    public static TgiGenerator HelloWorld() => TgiGenerator.Scripted([Hello, World, Eos]);

    public static Task<TgiEmulator> StartAsync(TgiGenerator? generator = null, TgiWireVersion wire = TgiWireVersion.V3_3, Action<TgiEmulatorOptions>? configure = null)
    {
        var options = new TgiEmulatorOptions
        {
            Generator = generator ?? HelloWorld(),
            WireVersion = wire,
            TimeProvider = new FixedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)),
        };
        configure?.Invoke(options);
        return TgiEmulator.StartAsync(options);
    }

    internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
