// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
using Spectre.Console;
using Tgi.Cli.Infrastructure;
using Tgi.Cli.Output;
using Tgi.Sdk;
using Tgi.Sdk.Introspection;

namespace Tgi.Cli.Commands;

/// <summary><c>tgi tokenize TEXT</c>: the server's tokens for a text (<c>POST /tokenize</c>).</summary>
internal static class TokenizeCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        Argument<string> text = new("text") { Description = "The text to tokenize (- reads it from stdin)." };
        Command command = new("tokenize", "Tokenize a text with the server's tokenizer (POST /tokenize).") { text };
        CommandRunner.SetServerAction(
            command,
            context,
            async (parse, client, token) => await RunAsync(
                client,
                await InputText.ResolveAsync(parse.GetRequiredValue(text), context.In, token).ConfigureAwait(false),
                Terminal.Create(context.Out, context.OutputIsTerminal),
                token).ConfigureAwait(false));
        return command;
    }

    /// <summary>Prints the tokens.</summary>
    /// <param name="client">The client.</param>
    /// <param name="text">The text.</param>
    /// <param name="console">Where they go.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(TgiClient client, string text, IAnsiConsole console, CancellationToken cancellationToken)
    {
        IReadOnlyList<TokenizedToken> tokens = (await client.TokenizeAsync(text, options: null, cancellationToken).ConfigureAwait(false)).Value;
        Table table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("#");
        table.AddColumn("id");
        table.AddColumn("text");
        table.AddColumn("bytes");
        for (int i = 0; i < tokens.Count; i++)
        {
            TokenizedToken t = tokens[i];
            table.AddTextRow(TextFormat.Integer(i), TextFormat.Integer(t.Id), TextFormat.Visible(t.Text), $"{TextFormat.Integer(t.Start)}..{TextFormat.Integer(t.Stop)}");
        }

        console.Write(table);
        console.WriteLine($"{TextFormat.Integer(tokens.Count)} tokens");
        return ExitCodes.Ok;
    }
}
