// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
using Spectre.Console;
using Tgi.Cli.Infrastructure;
using Tgi.Cli.Output;
using Tgi.Sdk;
using Tgi.Sdk.Introspection;

namespace Tgi.Cli.Commands;

/// <summary><c>tgi models</c>: the served models (<c>GET /v1/models</c>; TGI serves one).</summary>
internal static class ModelsCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        Command command = new("models", "List the served models (GET /v1/models).");
        CommandRunner.SetServerAction(
            command,
            context,
            (parse, client, token) => RunAsync(client, Terminal.Create(context.Out, context.OutputIsTerminal), token));
        return command;
    }

    /// <summary>Prints the models.</summary>
    /// <param name="client">The client.</param>
    /// <param name="console">Where they go.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(TgiClient client, IAnsiConsole console, CancellationToken cancellationToken)
    {
        IReadOnlyList<TgiModelInfo> models = (await client.ListModelsAsync(cancellationToken).ConfigureAwait(false)).Value;
        Table table = Terminal.KeyValueTable("id", "owned_by");
        foreach (TgiModelInfo model in models)
        {
            table.AddTextRow(model.Id, model.OwnedBy ?? "-");
        }

        console.Write(table);
        return ExitCodes.Ok;
    }
}
