// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Tests.Emulator;

/// <summary>Starts a TGI emulator on 127.0.0.1 and a client for it.</summary>
internal sealed class Loopback : IAsyncDisposable
{
    private Loopback(TgiEmulator emulator, TgiClient client)
    {
        Emulator = emulator;
        Client = client;
    }

    public TgiEmulator Emulator { get; }

    public TgiClient Client { get; }

    public static async Task<Loopback> StartAsync(TgiEmulatorOptions? emulatorOptions = null, TgiClientOptions? clientOptions = null)
    {
        TgiEmulator emulator = await TgiEmulator.StartAsync(emulatorOptions ?? new TgiEmulatorOptions());
        TgiClientOptions options = clientOptions ?? new TgiClientOptions();
        options.ApiKey ??= emulator.Options.ApiKey;
        return new Loopback(emulator, new TgiClient(emulator.BaseAddress, options));
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
