// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli;
using Tgi.Cli.Infrastructure;

// System.CommandLine turns Ctrl+C into the cancellation token every command receives.
return await CliApp.InvokeAsync(args, CliContext.FromConsole()).ConfigureAwait(false);
