// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tgi.Sdk.Testing;

/// <summary>
/// A TGI server on 127.0.0.1 that speaks TGI's wire protocol , starts in-process in milliseconds and misbehaves
/// on demand. Start it, point a client at <see cref="BaseAddress"/>, dispose it.
/// </summary>
/// <example>
/// <code>
/// await using TgiEmulator tgi = await TgiEmulator.StartAsync();
/// using var http = new HttpClient { BaseAddress = tgi.BaseAddress };
/// </code>
/// </example>
public sealed class TgiEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private TgiEmulator(WebApplication app, EmulatorState state, CancellationTokenSource stopping, Uri baseAddress)
    {
        _app = app;
        _state = state;
        _stopping = stopping;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the address to send requests to: <c>http://127.0.0.1:&lt;port&gt;/</c>, with a trailing slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the options the emulator started with.</summary>
    public TgiEmulatorOptions Options => _state.Options;

    /// <summary>Gets the faults to inject; changes apply to the requests that follow.</summary>
    public TgiEmulatorFaults Faults => _state.Faults;

    /// <summary>
    /// Gets or sets whether the server is healthy. When false, <c>/health</c>, <c>/ping</c> and GET <c>/</c> answer 503
    /// <c>{"error":"unhealthy","error_type":"healthcheck"}</c>.
    /// </summary>
    public bool IsHealthy
    {
        get => _state.IsHealthy;
        set => _state.IsHealthy = value;
    }

    /// <summary>Gets a snapshot of every request received, in arrival order.</summary>
    public IReadOnlyList<TgiRecordedRequest> ReceivedRequests => _state.RecordedRequests();

    /// <summary>Gets the number of TCP connections currently open to this emulator.</summary>
    public int OpenConnections => _state.OpenConnections;

    /// <summary>Starts an emulator on a loopback port.</summary>
    /// <param name="options">The settings; null for TGI's defaults and the deterministic model.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    public static async Task<TgiEmulator> StartAsync(TgiEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new TgiEmulatorOptions();
        ArgumentNullException.ThrowIfNull(options.Generator);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.FlushEveryEvents, 1);

        var stopping = new CancellationTokenSource();
        var state = new EmulatorState(options, stopping.Token);
        // An empty builder: no configuration files, no console logging, no reflection; Native AOT friendly.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.Use(next => async connection =>
            {
                // Counted per TCP connection, so a test can prove a client released one.
                state.ConnectionOpened();
                try
                {
                    await next(connection).ConfigureAwait(false);
                }
                finally
                {
                    state.ConnectionClosed();
                }
            }));
        });
        builder.Services.AddRoutingCore();

        WebApplication app = builder.Build();
        EmulatorPipeline.Configure(app, state);
        EmulatorRoutes.Map(app, state);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
            throw;
        }

        IServerAddressesFeature? addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        string address = addresses?.Addresses.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel did not report an address.");
        var bound = new Uri(address);
        return new TgiEmulator(app, state, stopping, new Uri($"http://127.0.0.1:{bound.Port}/"));
    }

    /// <summary>Waits until <see cref="OpenConnections"/> equals <paramref name="expected"/>.</summary>
    /// <param name="expected">The connection count to wait for.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the count is reached.</returns>
    /// <exception cref="TimeoutException">The count was not reached in time.</exception>
    public async Task WaitForOpenConnectionsAsync(int expected, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (OpenConnections != expected)
        {
            if (Environment.TickCount64 >= deadline)
            {
                throw new TimeoutException($"Expected {expected} open connection(s) but {OpenConnections} remained open after {timeout}.");
            }

            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Clears the recorded requests and every fault, and marks the server healthy again.</summary>
    public void Reset()
    {
        _state.ClearRecordedRequests();
        _state.Faults.Clear();
        _state.IsHealthy = true;
    }

    /// <summary>Stops the server, ending stalled streams and closing every connection.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Connections that outlived the grace period are aborted by disposal below.
            }
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
