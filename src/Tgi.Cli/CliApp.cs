// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
using System.CommandLine.Invocation;
using Tgi.Cli.Commands;
using Tgi.Cli.Infrastructure;

namespace Tgi.Cli;

/// <summary>The <c>tgi</c> command tree and its entry point, shared by the program and the tests.</summary>
internal static class CliApp
{
    /// <summary>Builds the root command.</summary>
    /// <param name="context">Where commands read and write.</param>
    /// <returns>The root command.</returns>
    public static RootCommand CreateRootCommand(CliContext context)
    {
        var root = new RootCommand(
            "tgi: a command-line client for Hugging Face Text Generation Inference (TGI). "
            + $"The server comes from --url, else ${Connection.UrlVariable}, else {Connection.DefaultUrl}; "
            + $"the API key from --api-key or ${Connection.ApiKeyVariable}. Try 'tgi demo' first: it needs no server.");
        root.Subcommands.Add(GenerateCommand.Create(context));
        root.Subcommands.Add(ChatCommand.Create(context));
        root.Subcommands.Add(InfoCommand.Create(context));
        root.Subcommands.Add(ModelsCommand.Create(context));
        root.Subcommands.Add(MetricsCommand.Create(context));
        root.Subcommands.Add(TokenizeCommand.Create(context));
        root.Subcommands.Add(HealthCommand.Create(context));
        root.Subcommands.Add(BenchCommand.Create(context));
        root.Subcommands.Add(EmulatorCommand.Create(context));
        root.Subcommands.Add(DemoCommand.Create(context));
        return root;
    }

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="context">Where commands read and write.</param>
    /// <param name="cancellationToken">Cancels the command (the program also cancels on Ctrl+C).</param>
    /// <returns>The exit code: 0 ok, 1 server error, 2 usage error, 130 cancelled.</returns>
    public static async Task<int> InvokeAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ParseResult parseResult = CreateRootCommand(context).Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            // One line per mistake with a suggestion, not the parser's list plus the whole help; exit 2, since
            // System.CommandLine's 1 is tgi's code for server errors.
            await ParseErrorReporter.WriteAsync(parseResult, context.Error).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // Ctrl+C is routed by context.Interrupts (the program hooks Console.CancelKeyPress), so that `tgi chat` can
        // stop one answer without ending the session; System.CommandLine's own handler would end every command.
        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error, ProcessTerminationTimeout = null };
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.Interrupts.Session);
        int exitCode = await parseResult.InvokeAsync(configuration, session.Token).ConfigureAwait(false);
        return parseResult.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }
}
