// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
using Tgi.Sdk;

namespace Tgi.Cli.Infrastructure;

/// <summary>
/// Runs a command body and turns its failures into the documented exit codes and one-line messages on stderr:
/// TGI errors and unreachable servers (1), usage mistakes (2), Ctrl+C (130).
/// </summary>
internal static class CommandRunner
{
    /// <summary>
    /// Gives a command the connection options (<c>--url</c>, <c>--api-key</c>) and an action that runs
    /// <paramref name="body"/> against the server they name, with the exit codes and error output every server command shares.
    /// </summary>
    /// <param name="command">The command.</param>
    /// <param name="context">The context.</param>
    /// <param name="body">The command body: the parse result, a client for the named server, and Ctrl+C.</param>
    public static void SetServerAction(Command command, CliContext context, Func<ParseResult, TgiClient, CancellationToken, Task<int>> body)
    {
        ConnectionOptions connection = new();
        connection.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            connection.Secret(parse, context),
            token => body(parse, connection.Resolve(parse, context).CreateClient(), token),
            cancellationToken));
    }

    /// <summary>Runs a command body.</summary>
    /// <param name="context">The context (stderr).</param>
    /// <param name="secret">The API key to scrub from any message, or null.</param>
    /// <param name="body">The command body.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(CliContext context, string? secret, Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the stream was closed (the SDK disposes the response), so TGI stops generating.
            await context.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await context.Error.WriteLineAsync().ConfigureAwait(false);
            await context.Error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (TgiException e)
        {
            await context.Error.WriteLineAsync(Redact(ErrorFormatter.Format(e), secret)).ConfigureAwait(false);
            return ExitCodes.ServerError;
        }
        catch (UsageException e)
        {
            await context.Error.WriteLineAsync(Redact($"error: {e.Message}", secret)).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
    }

    /// <summary>Replaces every occurrence of the secret.</summary>
    /// <param name="text">The text.</param>
    /// <param name="secret">The secret, or null.</param>
    /// <returns>The text without the secret.</returns>
    public static string Redact(string text, string? secret) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "[REDACTED]", StringComparison.Ordinal);
}
