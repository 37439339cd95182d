// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using System.Globalization;
using Tgi.Sdk.Benchmarks.Infrastructure;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Benchmarks.Loopback;

/// <summary>
/// Runs the emulator in a child process (<c>--mode serve</c>), so that the server's own memory stays out of the heap
/// the memory measurement reads.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private const string ReadyPrefix = "EMULATOR ";

    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Child side: serve until standard input closes; every stream goes silent after its first token.</summary>
    public static async Task<int> ServeAsync()
    {
        await using TgiEmulator emulator = await EmulatorSetup.StartAsync(tokens: 64, flushEveryEvents: 1);
        // Streams stay open after the first token: what a slow model looks like to 1,000 waiting clients.
        emulator.Faults.StallAfterTokens = 1;
        Console.WriteLine(ReadyPrefix + emulator.BaseAddress.AbsoluteUri);
        await Console.In.ReadToEndAsync();
        return 0;
    }

    /// <summary>Parent side: starts this program again as the emulator and waits for its address.</summary>
    public static async Task<EmulatorProcess> StartAsync()
    {
        string self = typeof(EmulatorProcess).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(self);
        info.ArgumentList.Add("--mode");
        info.ArgumentList.Add(BenchOptions.Serve);
        Process process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the emulator process.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
            {
                return new EmulatorProcess(process, new Uri(line[ReadyPrefix.Length..].Trim()));
            }
        }

        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The emulator process exited ({process.ExitCode}) before it listened."));
    }

    public async ValueTask DisposeAsync()
    {
        // Closing its standard input is the child's signal to stop; kill it (by its own id) if it does not.
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
