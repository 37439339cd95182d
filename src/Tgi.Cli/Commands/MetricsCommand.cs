// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
using System.Globalization;
using Tgi.Cli.Infrastructure;
using Tgi.Sdk;
using Tgi.Sdk.Introspection;

namespace Tgi.Cli.Commands;

/// <summary><c>tgi metrics</c>: the server's Prometheus metrics (<c>GET /metrics</c>), one sample a line.</summary>
internal static class MetricsCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        Option<string?> filter = new("--filter", "-f") { Description = "Show only metrics whose name contains TEXT.", HelpName = "TEXT" };
        Command command = new("metrics", "Show the server's Prometheus metrics (GET /metrics).") { filter };
        CommandRunner.SetServerAction(
            command,
            context,
            (parse, client, token) => RunAsync(client, parse.GetValue(filter), context.Out, token));
        return command;
    }

    /// <summary>Prints the metrics as <c>name{labels} value</c> lines (plain text, so grep and awk work).</summary>
    /// <param name="client">The client.</param>
    /// <param name="filter">A name filter, or null.</param>
    /// <param name="output">Where they go.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(TgiClient client, string? filter, TextWriter output, CancellationToken cancellationToken)
    {
        IReadOnlyList<TgiMetric> metrics = (await client.GetMetricsAsync(cancellationToken).ConfigureAwait(false)).Value;
        int shown = 0;
        foreach (TgiMetric metric in metrics)
        {
            if (filter is not null && !metric.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string labels = metric.Labels.Count == 0
                ? string.Empty
                : "{" + string.Join(',', metric.Labels.Select(static l => $"{l.Key}=\"{l.Value}\"")) + "}";
            await output.WriteLineAsync($"{metric.Name}{labels} {metric.Value.ToString("R", CultureInfo.InvariantCulture)}").ConfigureAwait(false);
            shown++;
        }

        await output.WriteLineAsync($"# {shown.ToString(CultureInfo.InvariantCulture)} sample(s)").ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
