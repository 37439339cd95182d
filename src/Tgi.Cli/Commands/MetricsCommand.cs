// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
using System.Globalization;
using Tgi.Cli.Infrastructure;
using Tgi.Cli.Output;
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
        Option<string> output = ResultOutput.CreateOption();
        Command command = new("metrics", "Show the server's Prometheus metrics (GET /metrics).") { filter, output };
        CommandRunner.SetServerAction(
            command,
            context,
            (parse, client, token) => RunAsync(client, parse.GetValue(filter), ResultOutput.For(parse.GetValue(output), context), token));
        return command;
    }

    /// <summary>Prints the metrics as <c>name{labels} value</c> lines (plain text, so grep and awk work), or as JSON.</summary>
    /// <param name="client">The client.</param>
    /// <param name="filter">A name filter, or null.</param>
    /// <param name="output">Where they go, and how.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(TgiClient client, string? filter, ResultOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(output);
        IReadOnlyList<TgiMetric> metrics = (await client.GetMetricsAsync(cancellationToken).ConfigureAwait(false)).Value;
        List<TgiMetric> shown = [.. metrics.Where(m => filter is null || m.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))];
        if (output.Format == OutputFormat.Json)
        {
            await output.WriteJsonAsync(writer =>
            {
                writer.WriteStartArray();
                foreach (TgiMetric metric in shown)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", metric.Name);
                    writer.WriteStartObject("labels");
                    foreach ((string key, string value) in metric.Labels)
                    {
                        writer.WriteString(key, value);
                    }

                    writer.WriteEndObject();

                    // Prometheus values include NaN and ±Inf, which JSON numbers cannot hold: those are strings.
                    if (double.IsFinite(metric.Value))
                    {
                        writer.WriteNumber("value", metric.Value);
                    }
                    else
                    {
                        writer.WriteString("value", PrometheusNumber(metric.Value));
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        foreach (TgiMetric metric in shown)
        {
            string labels = metric.Labels.Count == 0
                ? string.Empty
                : "{" + string.Join(',', metric.Labels.Select(static l => $"{l.Key}=\"{l.Value}\"")) + "}";
            await output.Writer.WriteLineAsync($"{metric.Name}{labels} {PrometheusNumber(metric.Value)}").ConfigureAwait(false);
        }

        await output.Writer.WriteLineAsync($"# {shown.Count.ToString(CultureInfo.InvariantCulture)} sample(s)").ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static string PrometheusNumber(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
