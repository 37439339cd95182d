// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
using System.Diagnostics;
using Tgi.Cli.Infrastructure;
using Tgi.Cli.Output;
using Tgi.Sdk;
using Tgi.Sdk.Generate;

namespace Tgi.Cli.Commands;

/// <summary><c>tgi generate PROMPT</c>: streams tokens from <c>/generate_stream</c> as they arrive.</summary>
internal static class GenerateCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        Argument<string> prompt = new("prompt") { Description = "The prompt (- reads it from stdin)." };
        // TGI: validation rejects max_new_tokens 0, temperature <= 0, top_p outside (0, 1) and top_k <= 0 with a 422;
        // the CLI refuses them before sending, naming the option.
        Option<int?> maxNewTokens = ValueOptions.WholeNumber("--max-new-tokens", "-n", "The most tokens to generate, at least 1 (TGI default: until EOS).", minimum: 1);
        Option<float?> temperature = ValueOptions.Number("--temperature", null, "Sampling temperature (> 0).", static t => t > 0, "greater than 0");
        Option<float?> topP = ValueOptions.Number("--top-p", null, "Nucleus sampling, in (0, 1).", static p => p is > 0 and < 1, "greater than 0 and less than 1");
        Option<int?> topK = ValueOptions.WholeNumber("--top-k", null, "Top-k sampling (> 0).", minimum: 1);
        Option<string[]> stop = new("--stop") { Description = "A stop sequence; repeat for more (TGI allows 4 by default)." };
        Option<ulong?> seed = ValueOptions.Seed("--seed", "The random seed.");
        Option<string?> regex = new("--regex") { Description = "Constrain the output to a regular expression.", HelpName = "PATTERN" };
        Option<string?> jsonSchema = new("--json-schema") { Description = "Constrain the output to the JSON Schema in FILE.", HelpName = "FILE" };
        Option<bool> details = new("--details") { Description = "Print the finish reason, token count and timings." };
        Option<bool> noStream = new("--no-stream") { Description = "Use /generate (one response, with TGI's timing headers) instead of streaming." };

        Command command = new("generate", "Generate text with TGI's native API, streaming tokens as they arrive.")
        {
            prompt, maxNewTokens, temperature, topP, topK, stop, seed, regex, jsonSchema, details, noStream,
        };
        CommandRunner.SetServerAction(
            command,
            context,
            async (parse, client, token) =>
            {
                var settings = new GenerateSettings
                {
                    Prompt = await InputText.ResolveAsync(parse.GetRequiredValue(prompt), context.In, token).ConfigureAwait(false),
                    MaxNewTokens = parse.GetValue(maxNewTokens),
                    Temperature = parse.GetValue(temperature),
                    TopP = parse.GetValue(topP),
                    TopK = parse.GetValue(topK),
                    Stop = parse.GetValue(stop) ?? [],
                    Seed = parse.GetValue(seed),
                    Grammar = GrammarFiles.Resolve(parse.GetValue(regex), parse.GetValue(jsonSchema)),
                    Details = parse.GetValue(details),
                    NoStream = parse.GetValue(noStream),
                };
                return await RunAsync(client, settings, context.Out, token).ConfigureAwait(false);
            });
        return command;
    }

    /// <summary>Generates and prints.</summary>
    /// <param name="client">The client.</param>
    /// <param name="settings">The settings.</param>
    /// <param name="output">Where the text goes.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(TgiClient client, GenerateSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        GenerateOptions options = ToOptions(settings);
        long started = Stopwatch.GetTimestamp();
        if (settings.NoStream)
        {
            TgiResult<GenerateResponse> result = await client.GenerateAsync(settings.Prompt, options, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(result.Value.GeneratedText).ConfigureAwait(false);
            if (settings.Details)
            {
                GenerateDetails? d = result.Value.Details;
                await WriteDetailsAsync(output, d?.FinishReason.ToString(), d?.GeneratedTokens, null, d?.Seed, null, Stopwatch.GetElapsedTime(started), result.GetRawResponse()).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }

        TgiStreamingResult<GenerateStreamUpdate> stream = client.GenerateStreamingAsync(settings.Prompt, options, cancellationToken);
        TimeSpan? firstToken = null;
        StreamDetails? streamDetails = null;
        int events = 0;
        await foreach (GenerateStreamUpdate update in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            firstToken ??= Stopwatch.GetElapsedTime(started);
            events++;
            if (!update.Token.IsSpecial)
            {
                await output.WriteAsync(update.Token.Text).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            streamDetails ??= update.Details;
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        if (settings.Details)
        {
            await WriteDetailsAsync(
                output,
                streamDetails?.FinishReason.ToString(),
                streamDetails?.GeneratedTokens ?? events,
                streamDetails?.InputLength,
                streamDetails?.Seed,
                firstToken,
                Stopwatch.GetElapsedTime(started),
                stream.GetRawResponse()).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Maps the settings to the SDK's request options.</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>The options.</returns>
    public static GenerateOptions ToOptions(GenerateSettings settings)
    {
        var options = new GenerateOptions
        {
            MaxNewTokens = settings.MaxNewTokens,
            Temperature = settings.Temperature,
            TopP = settings.TopP,
            TopK = settings.TopK,
            Seed = settings.Seed,
            Grammar = settings.Grammar,
            Details = settings.Details ? true : null,
        };
        foreach (string s in settings.Stop)
        {
            options.StopSequences.Add(s);
        }

        return options;
    }

    private static async Task WriteDetailsAsync(
        TextWriter output,
        string? finishReason,
        int? generatedTokens,
        int? inputLength,
        ulong? seed,
        TimeSpan? firstToken,
        TimeSpan total,
        TgiRawResponse raw)
    {
        await output.WriteLineAsync("--").ConfigureAwait(false);
        await output.WriteLineAsync($"finish_reason: {finishReason ?? "-"}").ConfigureAwait(false);
        await output.WriteLineAsync($"generated_tokens: {(generatedTokens is { } g ? TextFormat.Integer(g) : "-")}").ConfigureAwait(false);
        if (inputLength is { } input)
        {
            await output.WriteLineAsync($"input_length: {TextFormat.Integer(input)}").ConfigureAwait(false);
        }

        if (seed is { } s)
        {
            await output.WriteLineAsync($"seed: {s.ToString(System.Globalization.CultureInfo.InvariantCulture)}").ConfigureAwait(false);
        }

        if (firstToken is { } first)
        {
            await output.WriteLineAsync($"time_to_first_token: {TextFormat.Ms(first.TotalMilliseconds)} (client)").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"total_time: {TextFormat.Ms(total.TotalMilliseconds)} (client)").ConfigureAwait(false);
        if (generatedTokens is > 0 && total > TimeSpan.Zero)
        {
            await output.WriteLineAsync($"tokens_per_second: {TextFormat.Number(generatedTokens.Value / total.TotalSeconds)} (client)").ConfigureAwait(false);
        }

        // TGI: /generate sends its own timings as x-*-time headers; a stream only sends x-compute-type (API.md §4).
        await WriteTimingAsync(output, "queue_time", raw.QueueTime).ConfigureAwait(false);
        await WriteTimingAsync(output, "validation_time", raw.ValidationTime).ConfigureAwait(false);
        await WriteTimingAsync(output, "inference_time", raw.InferenceTime).ConfigureAwait(false);
        await WriteTimingAsync(output, "time_per_token", raw.TimePerToken).ConfigureAwait(false);
        await WriteTimingAsync(output, "server_total_time", raw.TotalTime).ConfigureAwait(false);
        if (raw.ComputeType is { } computeType)
        {
            await output.WriteLineAsync($"compute_type: {computeType}").ConfigureAwait(false);
        }
    }

    private static Task WriteTimingAsync(TextWriter output, string name, TimeSpan? value) =>
        value is { } v ? output.WriteLineAsync($"{name}: {TextFormat.Ms(v.TotalMilliseconds)} (tgi)") : Task.CompletedTask;
}
