// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
using System.Globalization;
using Tgi.Cli.Infrastructure;
using Tgi.Sdk.Testing;

namespace Tgi.Cli.Commands;

/// <summary>
/// <c>tgi emulator</c>: runs the Tgi.Sdk.Testing emulator standalone on a loopback port until Ctrl+C, so any HTTP client
/// (curl, Python, JS) can use a fake TGI.
/// </summary>
internal static class EmulatorCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        Option<int> port = ValueOptions.WholeNumber("--port", "-p", "The port on 127.0.0.1 (0 picks a free one; default 8080).", defaultValue: 8080, minimum: 0, maximum: 65535);
        Option<string> wireVersion = new("--wire-version") { Description = "The TGI wire format to speak: 2.0, 2.4 or 3.3.", DefaultValueFactory = _ => "3.3" };
        wireVersion.OneOf("2.0", "2.4", "3.3");
        Option<string?> apiKey = new("--api-key") { Description = "Require this bearer token on generation routes (TGI --api-key). Never printed.", HelpName = "KEY" };
        Option<string?> modelId = new("--model-id") { Description = "The model id the emulator reports.", HelpName = "ID" };
        Option<int?> ttft = ValueOptions.WholeNumber("--time-to-first-token", null, "Fault: delay before the first token, in milliseconds.", minimum: 0);
        ttft.HelpName = "MS";
        Option<double?> tokensPerSecond = ValueOptions.Decimal("--tokens-per-second", "Fault: generation pace after the first token.", static r => r > 0, "greater than 0");
        Option<int> overload = ValueOptions.WholeNumber("--overload", null, "Fault: the next N generation requests fail with 429 overloaded.", defaultValue: 0, minimum: 0);
        Option<int> fail = ValueOptions.WholeNumber("--fail", null, "Fault: the next N generation requests fail with 424 generation errors.", defaultValue: 0, minimum: 0);
        Option<int?> disconnect = ValueOptions.WholeNumber("--disconnect-after", null, "Fault: streams drop their connection after N tokens.", minimum: 0);
        Option<bool> unhealthy = new("--unhealthy") { Description = "Fault: /health answers 503." };
        Option<int?> answerTokens = ValueOptions.WholeNumber("--answer-tokens", null, "Answer every request with N tokens (a steady load for bench) instead of the deterministic model.", minimum: 1);

        Command command = new("emulator", "Run the TGI emulator (a fake TGI, not a real model) on 127.0.0.1 until Ctrl+C.")
        {
            port, wireVersion, apiKey, modelId, ttft, tokensPerSecond, overload, fail, disconnect, unhealthy, answerTokens,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            context,
            parse.GetValue(apiKey),
            token => RunAsync(
                new EmulatorSettings
                {
                    Port = parse.GetValue(port),
                    WireVersion = EmulatorSettings.ParseWireVersion(parse.GetValue(wireVersion) ?? "3.3"),
                    ApiKey = parse.GetValue(apiKey),
                    ModelId = parse.GetValue(modelId),
                    TimeToFirstToken = parse.GetValue(ttft) is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
                    TokensPerSecond = parse.GetValue(tokensPerSecond),
                    OverloadRequests = parse.GetValue(overload),
                    FailRequests = parse.GetValue(fail),
                    DisconnectAfterTokens = parse.GetValue(disconnect),
                    Unhealthy = parse.GetValue(unhealthy),
                    AnswerTokens = parse.GetValue(answerTokens),
                },
                context.Out,
                started: null,
                token),
            cancellationToken));
        return command;
    }

    /// <summary>Runs the emulator until cancelled; stopping with Ctrl+C is a normal exit (0).</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="output">Where the banner goes.</param>
    /// <param name="started">Called once the emulator listens (tests use it to learn the address).</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(EmulatorSettings settings, TextWriter output, Action<TgiEmulator>? started, CancellationToken cancellationToken)
    {
        if (settings.Port is < 0 or > 65535)
        {
            throw new UsageException("--port must be between 0 and 65535.");
        }

        if (settings.AnswerTokens is < 1)
        {
            throw new UsageException("--answer-tokens must be at least 1.");
        }

        TgiEmulator emulator;
        try
        {
            emulator = await TgiEmulator.StartAsync(settings.ToOptions(), cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            // Kestrel reports a port in use as an IOException.
            throw new UsageException($"cannot listen on 127.0.0.1:{settings.Port.ToString(CultureInfo.InvariantCulture)}: {e.Message}", e);
        }

        await using (emulator.ConfigureAwait(false))
        {
            settings.ApplyFaults(emulator);
            await output.WriteLineAsync($"TGI emulator listening on {emulator.BaseAddress}").ConfigureAwait(false);
            await output.WriteLineAsync($"  a fake TGI for tests and demos, not a real model: model '{emulator.Options.ModelId}', wire {EmulatorSettings.Format(settings.WireVersion)}, api key {(settings.ApiKey is null ? "not required" : "required")}").ConfigureAwait(false);
            await output.WriteLineAsync($"  try: curl -s {emulator.BaseAddress}generate -H 'Content-Type: application/json' -d '{{\"inputs\":\"Hello\"}}'").ConfigureAwait(false);
            await output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            started?.Invoke(emulator);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C is how the emulator is meant to stop.
            }
        }

        await output.WriteLineAsync("TGI emulator stopped.").ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
