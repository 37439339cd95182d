// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Tgi.Cli.Infrastructure;

namespace Tgi.Cli.Output;

/// <summary>
/// Where an introspection command's result goes and in which shape: JSON with <c>-o json</c>; otherwise a table on a
/// terminal, or plain lines (no box drawing) when stdout is redirected, so grep, awk and logs read it.
/// </summary>
internal sealed class ResultOutput
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="writer">stdout.</param>
    /// <param name="isTerminal">Whether stdout is a terminal.</param>
    /// <param name="format">The format.</param>
    public ResultOutput(TextWriter writer, bool isTerminal, OutputFormat format)
    {
        Writer = writer;
        IsTerminal = isTerminal;
        Format = format;
    }

    /// <summary>Gets stdout.</summary>
    public TextWriter Writer { get; }

    /// <summary>Gets a value indicating whether stdout is a terminal.</summary>
    public bool IsTerminal { get; }

    /// <summary>Gets the format.</summary>
    public OutputFormat Format { get; }

    /// <summary>Creates the <c>--output</c>/<c>-o</c> option.</summary>
    /// <returns>The option.</returns>
    public static Option<string> CreateOption()
    {
        Option<string> option = new("--output", "-o")
        {
            Description = "text (a table on a terminal, plain lines when redirected) or json.",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "text",
        };
        return option.OneOf("text", "json");
    }

    /// <summary>Creates the output of a command from its <c>--output</c> value and the context.</summary>
    /// <param name="format">The <c>--output</c> value.</param>
    /// <param name="context">The context.</param>
    /// <returns>The output.</returns>
    public static ResultOutput For(string? format, CliContext context) =>
        new(context.Out, context.OutputIsTerminal, format == "json" ? OutputFormat.Json : OutputFormat.Text);

    /// <summary>Writes one JSON document and a newline.</summary>
    /// <param name="write">Writes the document.</param>
    /// <returns>A task that completes when written.</returns>
    public async Task WriteJsonAsync(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }

        await Writer.WriteLineAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
    }

    /// <summary>Writes rows: a table on a terminal, else a header line and tab-separated lines.</summary>
    /// <param name="headers">The column headers.</param>
    /// <param name="rows">The rows.</param>
    /// <returns>A task that completes when written.</returns>
    public async Task WriteRowsAsync(string[] headers, IEnumerable<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        if (IsTerminal)
        {
            Table table = new Table().Border(TableBorder.Rounded);
            foreach (string header in headers)
            {
                table.AddColumn(header);
            }

            foreach (string[] row in rows)
            {
                table.AddTextRow(row);
            }

            Terminal.Create(Writer, isTerminal: true).Write(table);
            return;
        }

        await Writer.WriteLineAsync(string.Join('\t', headers)).ConfigureAwait(false);
        foreach (string[] row in rows)
        {
            await Writer.WriteLineAsync(string.Join('\t', row)).ConfigureAwait(false);
        }
    }

    /// <summary>Writes name/value pairs: a two-column table on a terminal, else <c>name: value</c> lines.</summary>
    /// <param name="first">The first header.</param>
    /// <param name="second">The second header.</param>
    /// <param name="pairs">The pairs.</param>
    /// <returns>A task that completes when written.</returns>
    public async Task WritePairsAsync(string first, string second, IEnumerable<(string Name, string Value)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (IsTerminal)
        {
            Table table = Terminal.KeyValueTable(first, second);
            foreach ((string name, string value) in pairs)
            {
                table.AddTextRow(name, value);
            }

            Terminal.Create(Writer, isTerminal: true).Write(table);
            return;
        }

        foreach ((string name, string value) in pairs)
        {
            await Writer.WriteLineAsync($"{name}: {value}").ConfigureAwait(false);
        }
    }
}
