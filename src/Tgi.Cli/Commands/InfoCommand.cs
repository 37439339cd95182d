// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
using System.Text.Json;
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
        Option<string> output = ResultOutput.CreateOption();
        Command command = new("info", "Show the served model and the server's limits (GET /info).") { output };
        CommandRunner.SetServerAction(
            command,
            context,
            (parse, client, token) => RunAsync(client, ResultOutput.For(parse.GetValue(output), context), token));
        return command;
    }

    /// <summary>Prints the info.</summary>
    /// <param name="client">The client.</param>
    /// <param name="output">Where it goes, and how.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(TgiClient client, ResultOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(output);
        TgiInfo info = (await client.GetInfoAsync(cancellationToken).ConfigureAwait(false)).Value;
        if (output.Format == OutputFormat.Json)
        {
            await output.WriteJsonAsync(w => WriteJson(w, info)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        await output.WritePairsAsync(
            "field",
            "value",
            [
                ("model_id", info.ModelId),
                ("model_sha", info.ModelSha ?? "-"),
                ("model_pipeline_tag", info.ModelPipelineTag ?? "-"),
                ("version", info.Version ?? "-"),
                ("sha", info.Sha ?? "-"),
                ("docker_label", info.DockerLabel ?? "-"),
                ("router", info.Router ?? "-"),
                ("max_input_tokens", TextFormat.Integer(info.MaxInputTokens)),
                ("max_total_tokens", TextFormat.Integer(info.MaxTotalTokens)),
                ("max_concurrent_requests", TextFormat.Integer(info.MaxConcurrentRequests)),
                ("max_best_of", TextFormat.Integer(info.MaxBestOf)),
                ("max_stop_sequences", TextFormat.Integer(info.MaxStopSequences)),
                ("max_client_batch_size", TextFormat.Integer(info.MaxClientBatchSize)),
                ("validation_workers", TextFormat.Integer(info.ValidationWorkers)),
            ]).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static void WriteJson(Utf8JsonWriter writer, TgiInfo info)
    {
        // TGI's own field names, so a script reads `tgi info -o json` as it would read /info.
        writer.WriteStartObject();
        writer.WriteString("model_id", info.ModelId);
        writer.WriteString("model_sha", info.ModelSha);
        writer.WriteString("model_pipeline_tag", info.ModelPipelineTag);
        writer.WriteString("version", info.Version);
        writer.WriteString("sha", info.Sha);
        writer.WriteString("docker_label", info.DockerLabel);
        writer.WriteString("router", info.Router);
        writer.WriteNumber("max_input_tokens", info.MaxInputTokens);
        writer.WriteNumber("max_total_tokens", info.MaxTotalTokens);
        writer.WriteNumber("max_concurrent_requests", info.MaxConcurrentRequests);
        writer.WriteNumber("max_best_of", info.MaxBestOf);
        writer.WriteNumber("max_stop_sequences", info.MaxStopSequences);
        writer.WriteNumber("max_client_batch_size", info.MaxClientBatchSize);
        writer.WriteNumber("validation_workers", info.ValidationWorkers);
        writer.WriteEndObject();
    }
}
