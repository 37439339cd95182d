// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli;
using Tgi.Cli.Infrastructure;

CliContext context = CliContext.FromConsole();

// Ctrl+C stops the running chat answer, else ends the command (its token); once the command has been told to end,
// a further Ctrl+C is left to the runtime, which ends the process.
Console.CancelKeyPress += (_, e) => e.Cancel = context.Interrupts.Interrupt();
return await CliApp.InvokeAsync(args, context).ConfigureAwait(false);
