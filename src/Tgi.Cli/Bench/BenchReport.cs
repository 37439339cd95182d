// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Spectre.Console;
using Tgi.Cli.Output;

namespace Tgi.Cli.Bench;

/// <summary>Writes a benchmark result as a table and as JSON (the same numbers).</summary>
internal static class BenchReport
{
    /// <summary>Writes the table.</summary>
    /// <param name="console">Where it goes.</param>
    /// <param name="result">The result.</param>
    public static void WriteTable(IAnsiConsole console, BenchResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        Table table = Terminal.KeyValueTable("metric", "value");
        table.Title($"tgi bench: {RouteName(result.Settings.Route)}, {TextFormat.Integer(result.Settings.Concurrency)} concurrent streams{(result.Cancelled ? " (cancelled)" : string.Empty)}");
        table.AddTextRow("requests", $"{TextFormat.Integer(result.Succeeded)} ok, {TextFormat.Integer(result.Failed)} failed in {TextFormat.Number(result.Elapsed.TotalSeconds)} s");
        table.AddTextRow("requests/s", TextFormat.Number(result.RequestsPerSecond));
        table.AddTextRow("time to first token", Summary(result.TimeToFirstToken, p90: true));
        table.AddTextRow("inter-token latency", Summary(result.InterTokenLatency, p90: false));
        table.AddTextRow("request latency", Summary(result.Latency, p90: true));
        table.AddTextRow("latency histogram", HistogramText(result.Latency));
        table.AddTextRow("tokens/s (overall)", $"{TextFormat.Number(result.TokensPerSecond)} ({TextFormat.Integer(result.Tokens)} tokens)");
        table.AddTextRow("tokens/s (per stream)", result.TokensPerSecondPerStream is { } perStream ? TextFormat.Number(perStream) : "-");
        if (result.Errors.Count == 0)
        {
            table.AddTextRow("errors", "none");
        }

        foreach ((string type, int count) in result.Errors)
        {
            table.AddTextRow($"errors: {type}", TextFormat.Integer(count));
        }

        table.AddTextRow(
            "status codes",
            result.Statuses.Count == 0
                ? "none (no answer)"
                : string.Join(", ", result.Statuses.Select(static s => $"[{TextFormat.Integer(s.Key)}] {TextFormat.Integer(s.Value)}")));
        if (result.StoppedEarly is { } reason)
        {
            table.AddTextRow("stopped early", reason);
        }

        console.Write(table);
    }

    /// <summary>Writes the JSON document.</summary>
    /// <param name="stream">Where it goes.</param>
    /// <param name="result">The result.</param>
    public static void WriteJson(Stream stream, BenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("endpoint", result.Endpoint.GetLeftPart(UriPartial.Path));
        writer.WriteString("route", RouteName(result.Settings.Route));
        writer.WriteNumber("concurrency", result.Settings.Concurrency);
        writer.WriteNumber("max_new_tokens", result.Settings.MaxNewTokens);
        writer.WriteNumber("duration_s", Round(result.Elapsed.TotalSeconds));
        writer.WriteBoolean("cancelled", result.Cancelled);
        writer.WriteStartObject("requests");
        writer.WriteNumber("total", result.Succeeded + result.Failed);
        writer.WriteNumber("succeeded", result.Succeeded);
        writer.WriteNumber("failed", result.Failed);
        writer.WriteEndObject();
        writer.WriteNumber("requests_per_second", Round(result.RequestsPerSecond));
        WriteSummary(writer, "time_to_first_token_ms", result.TimeToFirstToken, p90: true);
        WriteSummary(writer, "inter_token_latency_ms", result.InterTokenLatency, p90: false);
        WriteSummary(writer, "latency_ms", result.Latency, p90: true);
        writer.WriteStartObject("tokens_per_second");
        writer.WriteNumber("overall", Round(result.TokensPerSecond));
        if (result.TokensPerSecondPerStream is { } perStream)
        {
            writer.WriteNumber("per_stream", Round(perStream));
        }
        else
        {
            writer.WriteNull("per_stream");
        }

        writer.WriteEndObject();
        writer.WriteNumber("tokens", result.Tokens);
        writer.WriteStartObject("errors");
        foreach ((string type, int count) in result.Errors)
        {
            writer.WriteNumber(type, count);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("status_codes");
        foreach ((int status, int count) in result.Statuses)
        {
            writer.WriteNumber(TextFormat.Integer(status), count);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("latency_histogram_ms");
        foreach ((double upper, int count) in Histogram.Of(result.Latency.Sorted))
        {
            writer.WriteStartObject();
            writer.WriteNumber("le", Round(upper));
            writer.WriteNumber("count", count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (result.StoppedEarly is { } reason)
        {
            writer.WriteString("stopped_early", reason);
        }
        else
        {
            writer.WriteNull("stopped_early");
        }

        writer.WriteEndObject();
    }

    /// <summary>Gets the route's name as <c>--route</c> takes it.</summary>
    /// <param name="route">The route.</param>
    /// <returns>The name.</returns>
    public static string RouteName(BenchRoute route) => route == BenchRoute.Chat ? "chat" : "generate";

    private static string Summary(LatencySummary summary, bool p90) => summary.Count == 0
        ? "-"
        : $"mean {TextFormat.Ms(summary.Mean)}, min {TextFormat.Ms(summary.Min)}, p50 {TextFormat.Ms(summary.P50)}, "
            + (p90 ? $"p90 {TextFormat.Ms(summary.P90)}, " : string.Empty)
            + $"p99 {TextFormat.Ms(summary.P99)}, max {TextFormat.Ms(summary.Max)}";

    /// <summary>One line per bucket: its upper bound, its count and a bar, as <c>oha</c> shows it.</summary>
    private static string HistogramText(LatencySummary latency)
    {
        IReadOnlyList<(double UpperMs, int Count)> buckets = Histogram.Of(latency.Sorted);
        if (buckets.Count == 0)
        {
            return "-";
        }

        int most = buckets.Max(static b => b.Count);
        int width = buckets.Max(static b => TextFormat.Ms(b.UpperMs).Length);
        return string.Join(
            Environment.NewLine,
            buckets.Select(b => $"{TextFormat.Ms(b.UpperMs).PadLeft(width)} [{TextFormat.Integer(b.Count)}] {new string('#', most == 0 ? 0 : (int)Math.Ceiling(20.0 * b.Count / most))}"));
    }

    private static void WriteSummary(Utf8JsonWriter writer, string name, LatencySummary summary, bool p90)
    {
        writer.WriteStartObject(name);
        WriteOptional(writer, "mean", summary.Mean);
        WriteOptional(writer, "min", summary.Min);
        WriteOptional(writer, "max", summary.Max);
        WriteOptional(writer, "p50", summary.P50);
        if (p90)
        {
            WriteOptional(writer, "p90", summary.P90);
        }

        WriteOptional(writer, "p99", summary.P99);
        writer.WriteNumber("samples", summary.Count);
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, Round(v));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    // Four decimals: inter-token gaps on loopback are fractions of a millisecond.
    private static double Round(double value) => Math.Round(value, 4);
}
