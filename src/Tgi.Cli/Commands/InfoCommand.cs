// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
using Spectre.Console;
using Tgi.Cli.Infrastructure;
using Tgi.Cli.Output;
using Tgi.Sdk;
using Tgi.Sdk.Introspection;

namespace Tgi.Cli.Commands;

/// <summary><c>tgi info</c>: the served model and the server's limits (<c>GET /info</c>).</summary>
internal static class InfoCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        Command command = new("info", "Show the served model and the server's limits (GET /info).");
        CommandRunner.SetServerAction(
            command,
            context,
            (parse, client, token) => RunAsync(client, Terminal.Create(context.Out, context.OutputIsTerminal), token));
        return command;
    }

    /// <summary>Prints the info.</summary>
    /// <param name="client">The client.</param>
    /// <param name="console">Where it goes.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(TgiClient client, IAnsiConsole console, CancellationToken cancellationToken)
    {
        TgiInfo info = (await client.GetInfoAsync(cancellationToken).ConfigureAwait(false)).Value;
        Table table = Terminal.KeyValueTable("field", "value");
        table.AddTextRow("model_id", info.ModelId);
        table.AddTextRow("model_sha", info.ModelSha ?? "-");
        table.AddTextRow("model_pipeline_tag", info.ModelPipelineTag ?? "-");
        table.AddTextRow("version", info.Version ?? "-");
        table.AddTextRow("sha", info.Sha ?? "-");
        table.AddTextRow("docker_label", info.DockerLabel ?? "-");
        table.AddTextRow("router", info.Router ?? "-");
        table.AddTextRow("max_input_tokens", TextFormat.Integer(info.MaxInputTokens));
        table.AddTextRow("max_total_tokens", TextFormat.Integer(info.MaxTotalTokens));
        table.AddTextRow("max_concurrent_requests", TextFormat.Integer(info.MaxConcurrentRequests));
        table.AddTextRow("max_best_of", TextFormat.Integer(info.MaxBestOf));
        table.AddTextRow("max_stop_sequences", TextFormat.Integer(info.MaxStopSequences));
        table.AddTextRow("max_client_batch_size", TextFormat.Integer(info.MaxClientBatchSize));
        table.AddTextRow("validation_workers", TextFormat.Integer(info.ValidationWorkers));
        console.Write(table);
        return ExitCodes.Ok;
    }
}
