// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli.Infrastructure;

namespace Tgi.Cli.Tests.Support;

/// <summary>Runs the real command line (parser and all) in-process, with redirected output and an injected environment.</summary>
internal static class Tool
{
    public static async Task<CliRun> RunAsync(
        string[] args,
        IReadOnlyDictionary<string, string>? environment = null,
        string? input = null,
        CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        CliContext context = Context(output, error, new StringReader(input ?? string.Empty), environment);
        int exitCode = await CliApp.InvokeAsync(args, context, cancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs with a given input reader, terminal flags and Ctrl+C router (the interactive chat tests).</summary>
    public static async Task<CliRun> RunAsync(string[] args, TextReader input, Interrupts interrupts, bool terminal = false)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        CliContext context = new()
        {
            Out = TextWriter.Synchronized(output),
            Error = TextWriter.Synchronized(error),
            In = input,
            GetEnvironmentVariable = static _ => null,
            Interrupts = interrupts,
            InputIsTerminal = terminal,
            OutputIsTerminal = terminal,
        };
        int exitCode = await CliApp.InvokeAsync(args, context);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs with stdout flagged as a terminal or not.</summary>
    public static async Task<CliRun> RunAsync(string[] args, bool outputIsTerminal)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext { Out = output, Error = error, GetEnvironmentVariable = static _ => null, OutputIsTerminal = outputIsTerminal };
        int exitCode = await CliApp.InvokeAsync(args, context);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A loopback port with nothing listening on it.</summary>
    public static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Writes text to a new temporary file.</summary>
    public static string TempFile(string content)
    {
        string path = Path.Combine(Path.GetTempPath(), "tgi-cli-tests-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Waits for a condition that the code under test makes true, with a bound far above any machine's speed.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!condition())
        {
            try
            {
                await Task.Delay(10, bound.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"gave up waiting for: {what}");
            }
        }
    }

    private static CliContext Context(TextWriter output, TextWriter error, TextReader input, IReadOnlyDictionary<string, string>? environment) => new()
    {
        Out = output,
        Error = error,
        In = input,
        GetEnvironmentVariable = name => environment is not null && environment.TryGetValue(name, out string? value) ? value : null,
    };
}
