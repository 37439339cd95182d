// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
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
        Option<string> output = ResultOutput.CreateOption();
        Command command = new("tokenize", "Tokenize a text with the server's tokenizer (POST /tokenize).") { text, output };
        CommandRunner.SetServerAction(
            command,
            context,
            async (parse, client, token) => await RunAsync(
                client,
                await InputText.ResolveAsync(parse.GetRequiredValue(text), context.In, token).ConfigureAwait(false),
                ResultOutput.For(parse.GetValue(output), context),
                token).ConfigureAwait(false));
        return command;
    }

    /// <summary>Prints the tokens.</summary>
    /// <param name="client">The client.</param>
    /// <param name="text">The text.</param>
    /// <param name="output">Where they go, and how.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(TgiClient client, string text, ResultOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(output);
        IReadOnlyList<TokenizedToken> tokens = (await client.TokenizeAsync(text, options: null, cancellationToken).ConfigureAwait(false)).Value;
        if (output.Format == OutputFormat.Json)
        {
            // TGI's /tokenize shape: an array of {id, text, start, stop}.
            await output.WriteJsonAsync(writer =>
            {
                writer.WriteStartArray();
                foreach (TokenizedToken t in tokens)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("id", t.Id);
                    writer.WriteString("text", t.Text);
                    writer.WriteNumber("start", t.Start);
                    writer.WriteNumber("stop", t.Stop);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        await output.WriteRowsAsync(
            ["#", "id", "text", "bytes"],
            tokens.Select(static (t, i) => new[] { TextFormat.Integer(i), TextFormat.Integer(t.Id), TextFormat.Visible(t.Text), $"{TextFormat.Integer(t.Start)}..{TextFormat.Integer(t.Stop)}" })).ConfigureAwait(false);
        await output.Writer.WriteLineAsync($"{TextFormat.Integer(tokens.Count)} tokens").ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
