// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
using System.Text.Json;
using Tgi.Cli.Infrastructure;
using Tgi.Sdk;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Testing;

namespace Tgi.Cli.Commands;

/// <summary>
/// <c>tgi demo</c>: starts the embedded TGI emulator on loopback and runs a streamed generate, a streamed chat, a tool
/// call and a JSON-schema-constrained answer against it. Needs nothing but this tool.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The tool the demo offers the model.</summary>
    public const string WeatherSchema = """
        {"type":"object","properties":{"location":{"type":"string","description":"City and country"},"unit":{"type":"string","enum":["celsius","fahrenheit"]}},"required":["location","unit"]}
        """;

    /// <summary>The schema the constrained answer must follow.</summary>
    public const string AnswerSchema = """
        {"type":"object","properties":{"city":{"type":"string"},"population":{"type":"integer"},"is_capital":{"type":"boolean"}},"required":["city","population","is_capital"]}
        """;

    /// <summary>Creates the command.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        Option<double> pace = ValueOptions.Decimal("--tokens-per-second", "How fast the emulator streams, so streaming is visible (default 60; 0: as fast as possible).", defaultValue: 60, static r => r >= 0, "0 or more");
        Command command = new("demo", "Run a streamed generate, a streamed chat, a tool call and a JSON-constrained answer against the embedded TGI emulator (no server or model needed).")
        {
            pace,
        };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            context,
            secret: null,
            token => RunAsync(context.Out, parse.GetValue(pace), token),
            cancellationToken));
        return command;
    }

    /// <summary>Runs the demo.</summary>
    /// <param name="output">Where it goes.</param>
    /// <param name="tokensPerSecond">The emulator's pace; 0 or less for as fast as possible.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(TextWriter output, double tokensPerSecond, CancellationToken cancellationToken)
    {
        TgiEmulator emulator = await TgiEmulator.StartAsync(new TgiEmulatorOptions { ModelId = "tgi-emulator/demo" }, cancellationToken).ConfigureAwait(false);
        await using (emulator.ConfigureAwait(false))
        {
            emulator.Faults.TokensPerSecond = tokensPerSecond > 0 ? tokensPerSecond : null;
            var client = new TgiClient(emulator.BaseAddress);

            await output.WriteLineAsync("tgi demo").ConfigureAwait(false);
            await output.WriteLineAsync($"Server: the local TGI emulator (Tgi.Sdk.Testing) at {emulator.BaseAddress}, NOT a real model.").ConfigureAwait(false);
            await output.WriteLineAsync("Its answers are deterministic placeholder text; the wire protocol is TGI 3.3's.").ConfigureAwait(false);

            await SectionAsync(output, "1/4 Streamed generate (POST /generate_stream)").ConfigureAwait(false);
            await GenerateCommand.RunAsync(
                client,
                new GenerateSettings { Prompt = "Explain what TGI does in one sentence.", MaxNewTokens = 40, Details = false },
                output,
                cancellationToken).ConfigureAwait(false);

            await SectionAsync(output, "2/4 Streamed chat (POST /v1/chat/completions, stream: true)").ConfigureAwait(false);
            await ChatCommand.RunAsync(
                client,
                new ChatSettings { System = "You are a concise assistant.", Message = "Say hello to a new TGI user.", MaxTokens = 40 },
                output,
                cancellationToken).ConfigureAwait(false);

            await SectionAsync(output, "3/4 Tool call (tools + tool_choice: required)").ConfigureAwait(false);
            ChatTool weather = ChatTool.CreateFunction("get_current_weather", "Get the current weather in a city.", WeatherSchema);
            ChatTurn turn = await ChatCommand.StreamAnswerAsync(
                client,
                [ChatMessage.CreateUser("What is the weather like in Paris?")],
                new ChatCompletionOptions { Tools = { weather }, ToolChoice = ChatToolChoice.Required, MaxTokens = 100 },
                output,
                cancellationToken).ConfigureAwait(false);
            if (turn.ToolCalls.Count == 0)
            {
                throw new TgiException("The emulator answered without a tool call.");
            }

            await SectionAsync(output, "4/4 JSON-schema-constrained answer (grammar: json)").ConfigureAwait(false);
            await output.WriteLineAsync($"schema: {AnswerSchema}").ConfigureAwait(false);
            TgiResult<GenerateResponse> constrained = await client.GenerateAsync(
                "Describe Paris as JSON.",
                new GenerateOptions { MaxNewTokens = 200, Grammar = Tgi.Sdk.TgiGrammar.Json(AnswerSchema) },
                cancellationToken).ConfigureAwait(false);
            string json = constrained.Value.GeneratedText;
            await output.WriteLineAsync($"answer: {json}").ConfigureAwait(false);
            await output.WriteLineAsync($"valid JSON with the required fields: {(HasRequiredFields(json) ? "yes" : "no")}").ConfigureAwait(false);

            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync("Demo complete. Point tgi at a real TGI server with --url http://HOST:PORT or TGI_BASE_URL (and --api-key or TGI_API_KEY).").ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Checks the constrained answer parses and carries every required field of <see cref="AnswerSchema"/>.</summary>
    /// <param name="json">The answer.</param>
    /// <returns>Whether it does.</returns>
    public static bool HasRequiredFields(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("city", out JsonElement city) && city.ValueKind == JsonValueKind.String
                && root.TryGetProperty("population", out JsonElement population) && population.ValueKind == JsonValueKind.Number
                && root.TryGetProperty("is_capital", out JsonElement capital) && capital.ValueKind is JsonValueKind.True or JsonValueKind.False;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task SectionAsync(TextWriter output, string title)
    {
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"== {title} ==").ConfigureAwait(false);
    }
}
