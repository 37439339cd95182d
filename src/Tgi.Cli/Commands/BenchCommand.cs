// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
using System.Text;
using Spectre.Console;
using Tgi.Cli.Bench;
using Tgi.Cli.Infrastructure;
using Tgi.Cli.Output;
using Tgi.Sdk;

namespace Tgi.Cli.Commands;

/// <summary><c>tgi bench</c>: a load generator that streams from N concurrent connections and reports latencies.</summary>
internal static class BenchCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        Option<int> concurrency = ValueOptions.WholeNumber("--concurrency", "-c", "Concurrent streams (default 4).", defaultValue: 4, minimum: 1);
        Option<TimeSpan?> duration = ValueOptions.Duration("--duration", "-d", "How long to run: 30, 30s, 500ms, 2m (default 10s unless --requests is given).");
        Option<int?> requests = ValueOptions.WholeNumber("--requests", "-r", "How many requests to send (with --duration: whichever ends first).", minimum: 1);
        Option<int> maxNewTokens = ValueOptions.WholeNumber("--max-new-tokens", "-n", "max_new_tokens of each request (default 64).", defaultValue: 64, minimum: 1);
        Option<string> prompt = new("--prompt") { Description = "The prompt.", DefaultValueFactory = _ => new BenchSettings().Prompt };
        Option<string> route = new("--route") { Description = "generate (/generate_stream) or chat (/v1/chat/completions).", DefaultValueFactory = _ => "generate" };
        route.OneOf("generate", "chat");
        Option<string?> model = new("--model", "-m") { Description = "The chat model field for --route chat (TGI 2.1 and older require it).", HelpName = "NAME" };
        Option<string?> json = new("--json") { Description = "Also write the results as JSON to FILE ('-' for stdout; the table then goes to stderr).", HelpName = "FILE" };

        Command command = new("bench", "Load-test a TGI server: N concurrent streams for a duration or a number of requests.")
        {
            concurrency, duration, requests, maxNewTokens, prompt, route, model, json,
        };
        CommandRunner.SetServerAction(
            command,
            context,
            (parse, client, token) =>
            {
                var settings = new BenchSettings
                {
                    Concurrency = parse.GetValue(concurrency),
                    Duration = parse.GetValue(duration),
                    Requests = parse.GetValue(requests),
                    MaxNewTokens = parse.GetValue(maxNewTokens),
                    Prompt = parse.GetValue(prompt) ?? new BenchSettings().Prompt,
                    Route = parse.GetValue(route) == "chat" ? BenchRoute.Chat : BenchRoute.Generate,
                    Model = parse.GetValue(model),
                };
                return RunAsync(client, settings, parse.GetValue(json), context, token);
            });
        return command;
    }

    /// <summary>Runs the benchmark with live progress, then prints the table (and the JSON when asked).</summary>
    /// <param name="client">The client.</param>
    /// <param name="settings">The settings.</param>
    /// <param name="jsonPath">The JSON file, '-' for stdout, or null.</param>
    /// <param name="context">The context.</param>
    /// <param name="cancellationToken">Ctrl+C: the run stops and the partial results are printed.</param>
    /// <returns>0 when at least one request succeeded; 1 when none did or the server was unreachable; 130 when cancelled.</returns>
    public static async Task<int> RunAsync(TgiClient client, BenchSettings settings, string? jsonPath, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        if (settings.Concurrency < 1)
        {
            throw new UsageException("--concurrency must be at least 1.");
        }

        if (settings.Requests is < 1)
        {
            throw new UsageException("--requests must be at least 1.");
        }

        if (settings.MaxNewTokens < 1)
        {
            throw new UsageException("--max-new-tokens must be at least 1.");
        }

        await context.Error.WriteLineAsync(Describe(client, settings)).ConfigureAwait(false);
        var recorder = new BenchRecorder();
        BenchResult result;
        using (var progressStop = new CancellationTokenSource())
        {
            Task progress = BenchProgress.RunAsync(recorder, settings, context.Error, context.ErrorIsTerminal, progressStop.Token);
            try
            {
                result = await BenchRunner.RunAsync(client, settings, recorder, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await progressStop.CancelAsync().ConfigureAwait(false);
                await progress.ConfigureAwait(false);
            }
        }

        bool jsonToStdout = jsonPath == "-";
        IAnsiConsole console = jsonToStdout
            ? Terminal.Create(context.Error, context.ErrorIsTerminal)
            : Terminal.Create(context.Out, context.OutputIsTerminal);
        BenchReport.WriteTable(console, result);
        if (jsonPath is not null)
        {
            await WriteJsonAsync(jsonPath, result, context.Out).ConfigureAwait(false);
        }

        if (result.Cancelled)
        {
            return ExitCodes.Cancelled;
        }

        if (result.StoppedEarly is { } reason)
        {
            await context.Error.WriteLineAsync($"error: {reason}").ConfigureAwait(false);
            return ExitCodes.ServerError;
        }

        if (result.Succeeded == 0 && result.Failed == 0)
        {
            // A duration too short for the server (or a loaded machine): nothing was measured, which is not a pass.
            await context.Error.WriteLineAsync("error: no request finished before the run ended; try a longer --duration").ConfigureAwait(false);
            return ExitCodes.ServerError;
        }

        if (result.Succeeded == 0)
        {
            string counts = string.Join(", ", result.Errors.Select(static e => $"{e.Key}: {TextFormat.Integer(e.Value)}"));
            await context.Error.WriteLineAsync($"error: every request failed ({counts}); the last: {recorder.LastError ?? "-"}").ConfigureAwait(false);
            return ExitCodes.ServerError;
        }

        return ExitCodes.Ok;
    }

    private static string Describe(TgiClient client, BenchSettings settings)
    {
        string limit = (settings.Requests, settings.EffectiveDuration) switch
        {
            ({ } r, { } d) => $"{TextFormat.Integer(r)} requests or {TextFormat.Number(d.TotalSeconds)} s",
            ({ } r, null) => $"{TextFormat.Integer(r)} requests",
            (null, { } d) => $"{TextFormat.Number(d.TotalSeconds)} s",
            _ => "?",
        };
        return $"bench: {TextFormat.Integer(settings.Concurrency)} concurrent {BenchReport.RouteName(settings.Route)} streams against {client.Endpoint} for {limit}, max_new_tokens {TextFormat.Integer(settings.MaxNewTokens)}";
    }

    private static async Task WriteJsonAsync(string path, BenchResult result, TextWriter output)
    {
        using var buffer = new MemoryStream();
        BenchReport.WriteJson(buffer, result);
        string json = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (path == "-")
        {
            await output.WriteLineAsync(json).ConfigureAwait(false);
            return;
        }

        try
        {
            await File.WriteAllTextAsync(path, json + Environment.NewLine).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--json: cannot write '{path}': {e.Message}", e);
        }
    }
}
