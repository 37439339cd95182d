// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
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
        Option<string> output = ResultOutput.CreateOption();
        Command command = new("models", "List the served models (GET /v1/models).") { output };
        CommandRunner.SetServerAction(
            command,
            context,
            (parse, client, token) => RunAsync(client, ResultOutput.For(parse.GetValue(output), context), token));
        return command;
    }

    /// <summary>Prints the models.</summary>
    /// <param name="client">The client.</param>
    /// <param name="output">Where they go, and how.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(TgiClient client, ResultOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(output);
        IReadOnlyList<TgiModelInfo> models = (await client.ListModelsAsync(cancellationToken).ConfigureAwait(false)).Value;
        if (output.Format == OutputFormat.Json)
        {
            await output.WriteJsonAsync(writer =>
            {
                writer.WriteStartArray();
                foreach (TgiModelInfo model in models)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", model.Id);
                    writer.WriteString("owned_by", model.OwnedBy);
                    writer.WriteNumber("created", model.CreatedUnixSeconds);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        await output.WriteRowsAsync(["id", "owned_by"], models.Select(static m => new[] { m.Id, m.OwnedBy ?? "-" })).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
