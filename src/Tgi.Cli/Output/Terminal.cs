// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Spectre.Console;

namespace Tgi.Cli.Output;

/// <summary>Creates Spectre.Console consoles over the command's writers, so output goes where the caller says.</summary>
internal static class Terminal
{
    /// <summary>Creates a console that renders to a writer: ANSI and colors only when it is a terminal.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="isTerminal">Whether the writer is an interactive terminal.</param>
    /// <returns>The console.</returns>
    public static IAnsiConsole Create(TextWriter writer, bool isTerminal) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
    });

    /// <summary>Creates a two-column table (a name and a value per row) with a plain look that also reads well in logs.</summary>
    /// <param name="first">The first header.</param>
    /// <param name="second">The second header.</param>
    /// <returns>The table.</returns>
    public static Table KeyValueTable(string first, string second)
    {
        Table table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(first);
        table.AddColumn(new TableColumn(second));
        return table;
    }

    /// <summary>Adds a row of plain (not markup) text.</summary>
    /// <param name="table">The table.</param>
    /// <param name="cells">The cells.</param>
    public static void AddTextRow(this Table table, params string[] cells) =>
        table.AddRow(Array.ConvertAll(cells, static c => (Spectre.Console.Rendering.IRenderable)new Text(c)));
}
