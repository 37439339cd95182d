// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
using Tgi.Cli.Infrastructure;
using Tgi.Cli.Output;
using Tgi.Sdk;
using Tgi.Sdk.Introspection;

namespace Tgi.Cli.Commands;

/// <summary><c>tgi health</c>: exit code 0 when the server is healthy, 1 when not (or unreachable).</summary>
internal static class HealthCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        Option<string> output = ResultOutput.CreateOption();
        Command command = new("health", "Check the server's health (GET /health): exit code 0 when healthy, 1 when not.") { output };
        CommandRunner.SetServerAction(
            command,
            context,
            (parse, client, token) => RunAsync(client, ResultOutput.For(parse.GetValue(output), context), token));
        return command;
    }

    /// <summary>Checks and prints the health.</summary>
    /// <param name="client">The client.</param>
    /// <param name="output">Where it goes, and how.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>0 when healthy, 1 when not.</returns>
    public static async Task<int> RunAsync(TgiClient client, ResultOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(output);
        TgiHealthStatus status = (await client.GetHealthAsync(cancellationToken).ConfigureAwait(false)).Value;
        bool healthy = status == TgiHealthStatus.Healthy;
        if (output.Format == OutputFormat.Json)
        {
            await output.WriteJsonAsync(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("endpoint", client.Endpoint.ToString());
                writer.WriteBoolean("healthy", healthy);
                writer.WriteEndObject();
            }).ConfigureAwait(false);
        }
        else
        {
            await output.Writer.WriteLineAsync($"{(healthy ? "healthy" : "unhealthy")}: {client.Endpoint}").ConfigureAwait(false);
        }

        return healthy ? ExitCodes.Ok : ExitCodes.ServerError;
    }
}
