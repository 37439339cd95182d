// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli.Infrastructure;

namespace Tgi.Cli.Commands;

/// <summary>What the interactive <c>tgi chat</c> loop talks through: the console, and Ctrl+C.</summary>
internal sealed class ChatSession
{
    /// <summary>Initializes a new instance from the command's context.</summary>
    /// <param name="context">The context.</param>
    public ChatSession(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Input = context.In;
        Output = context.Out;
        Error = context.Error;
        ShowPrompt = context.InputIsTerminal;
        Interrupts = context.Interrupts;
    }

    /// <summary>Gets where messages come from.</summary>
    public TextReader Input { get; }

    /// <summary>Gets where answers go.</summary>
    public TextWriter Output { get; }

    /// <summary>Gets where a failed turn's error goes; the loop goes on without that turn.</summary>
    public TextWriter Error { get; }

    /// <summary>Gets a value indicating whether to show a prompt (the input is a terminal).</summary>
    public bool ShowPrompt { get; }

    /// <summary>Gets the Ctrl+C router: during an answer, Ctrl+C stops only the answer.</summary>
    public Interrupts Interrupts { get; }
}
