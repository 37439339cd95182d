// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Cli.Infrastructure;

/// <summary>
/// Where a command reads and writes, and how it sees the environment. The real program uses the console; tests pass
/// string writers and an environment lookup, so they never touch the process's console or variables.
/// </summary>
internal sealed class CliContext
{
    /// <summary>Gets the writer for results (stdout).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Gets the writer for diagnostics, progress and errors (stderr).</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Gets the reader for interactive input (stdin).</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Gets the environment variable lookup.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Gets a value indicating whether <see cref="Out"/> is a terminal (colors and tables may use ANSI).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Gets a value indicating whether <see cref="Error"/> is a terminal (progress may redraw one line).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Gets a value indicating whether <see cref="In"/> is a terminal (the chat loop shows a prompt).</summary>
    public bool InputIsTerminal { get; init; }

    /// <summary>Gets the Ctrl+C router: it cancels every command's token, or only the running chat answer.</summary>
    public Interrupts Interrupts { get; init; } = new();

    /// <summary>Creates the context of the real process.</summary>
    /// <returns>The console context.</returns>
    public static CliContext FromConsole() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        In = Console.In,
        OutputIsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
        InputIsTerminal = !Console.IsInputRedirected,
    };
}
