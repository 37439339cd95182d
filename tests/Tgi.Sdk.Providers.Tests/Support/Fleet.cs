// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Providers;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Providers.Tests.Support;

/// <summary>Three emulated TGI replicas on loopback, each serving a model and a scripted reply.</summary>
internal sealed class Fleet : IAsyncDisposable
{
    public static readonly string[] Reply = ["Hello", " from", " the", " fleet", "."];

    private Fleet(TgiEmulator[] replicas)
    {
        Replicas = replicas;
    }

    public TgiEmulator[] Replicas { get; }

    public TgiEmulator A => Replicas[0];

    public TgiEmulator B => Replicas[1];

    public TgiEmulator C => Replicas[2];

    /// <summary>Starts replicas serving the given models (priority follows the order).</summary>
    public static async Task<Fleet> StartAsync(params string[] models)
    {
        TgiEmulator[] replicas = await Task.WhenAll(models.Select(m => TgiEmulator.StartAsync(new TgiEmulatorOptions
        {
            ModelId = m,
            Generator = TgiGenerator.Scripted(Reply),
        })));
        return new Fleet(replicas);
    }

    /// <summary>Options with every replica as an endpoint, in order; fast, deterministic resilience settings.</summary>
    public TgiProviderOptions Options(Action<TgiProviderOptions>? configure = null)
    {
        TgiProviderOptions options = new() { Name = "fleet", HealthCheckInterval = TimeSpan.Zero };
        for (int i = 0; i < Replicas.Length; i++)
        {
            options.Endpoints.Add(new TgiEndpointOptions { Url = Replicas[i].BaseAddress.AbsoluteUri, Priority = i });
        }

        options.Resilience.MaxRetries = 0;
        options.Resilience.RetryDelay = TimeSpan.Zero;
        configure?.Invoke(options);
        return options;
    }

    /// <summary>How many generation requests (not health or info checks) a replica received.</summary>
    public static int GenerationRequests(TgiEmulator replica) =>
        replica.ReceivedRequests.Count(r => r.Method == "POST");

    public async ValueTask DisposeAsync()
    {
        foreach (TgiEmulator replica in Replicas)
        {
            await replica.DisposeAsync();
        }
    }
}
