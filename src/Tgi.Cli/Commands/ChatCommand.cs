// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;
using System.Text;
using System.Text.Json;
using Tgi.Cli.Infrastructure;
using Tgi.Sdk;
using Tgi.Sdk.Chat;

namespace Tgi.Cli.Commands;

/// <summary>
/// <c>tgi chat [MESSAGE]</c>: streams a one-shot answer from <c>/v1/chat/completions</c>, or with no message runs an
/// interactive loop that keeps the history.
/// </summary>
internal static class ChatCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        Argument<string?> message = new("message")
        {
            Description = "The message (- reads it from stdin). Without one, an interactive loop starts (/help lists its commands; Ctrl+C stops an answer).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Option<string?> system = new("--system", "-s") { Description = "The system prompt.", HelpName = "TEXT" };
        Option<string?> tools = new("--tools") { Description = "Tools the model may call: a JSON array of OpenAI-style tools in FILE. Tool calls are printed.", HelpName = "FILE" };
        Option<string?> toolChoice = new("--tool-choice") { Description = "auto (default), required, none, or a function name.", HelpName = "CHOICE" };
        // TGI: chat answers temperature 0 greedily, and its validation rejects a negative one and max_tokens 0.
        Option<int?> maxTokens = ValueOptions.WholeNumber("--max-tokens", "-n", "The most tokens to generate, at least 1 (TGI default: until EOS).", minimum: 1);
        Option<float?> temperature = ValueOptions.Number("--temperature", null, "Sampling temperature (0 is greedy).", static t => t >= 0, "0 or more");
        Option<ulong?> seed = ValueOptions.Seed("--seed", "The random seed.");
        Option<string?> model = new("--model", "-m") { Description = "The model field (a LoRA adapter id; TGI 2.1 and older require it, any value works).", HelpName = "NAME" };

        Command command = new("chat", "Chat with the OpenAI-compatible API, streaming the answer.")
        {
            message, system, tools, toolChoice, maxTokens, temperature, seed, model,
        };
        CommandRunner.SetServerAction(
            command,
            context,
            async (parse, client, token) =>
            {
                IReadOnlyList<ChatTool> toolList = parse.GetValue(tools) is { } path ? ToolFile.Read(path) : [];
                ChatToolChoice? choice = ParseToolChoice(parse.GetValue(toolChoice), toolList);
                var settings = new ChatSettings
                {
                    Message = parse.GetValue(message) is { } text ? await InputText.ResolveAsync(text, context.In, token).ConfigureAwait(false) : null,
                    System = parse.GetValue(system),
                    Tools = toolList,
                    ToolChoice = choice,
                    MaxTokens = parse.GetValue(maxTokens),
                    Temperature = parse.GetValue(temperature),
                    Seed = parse.GetValue(seed),
                    Model = parse.GetValue(model),
                };
                return settings.Message is null
                    ? await RunInteractiveAsync(client, settings, new ChatSession(context), token).ConfigureAwait(false)
                    : await RunAsync(client, settings, context.Out, token).ConfigureAwait(false);
            });
        return command;
    }

    /// <summary>Sends one message and streams the answer.</summary>
    /// <param name="client">The client.</param>
    /// <param name="settings">The settings (with a message).</param>
    /// <param name="output">Where the answer goes.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(TgiClient client, ChatSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        List<ChatMessage> messages = StartHistory(settings);
        messages.Add(ChatMessage.CreateUser(settings.Message ?? string.Empty));
        await StreamAnswerAsync(client, messages, settings.ToOptions(), output, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>Runs the interactive loop until end of input or <c>/exit</c>, keeping the history.</summary>
    /// <param name="client">The client.</param>
    /// <param name="settings">The settings.</param>
    /// <param name="session">Where input comes from and output goes, Ctrl+C, and the key's redactor.</param>
    /// <param name="cancellationToken">Ends the session (Ctrl+C when no answer runs).</param>
    /// <returns>The exit code: 0, or 1 when the last turn failed.</returns>
    /// <exception cref="OperationCanceledException">The session was ended with Ctrl+C (the runner exits 130).</exception>
    public static async Task<int> RunInteractiveAsync(TgiClient client, ChatSettings settings, ChatSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(session);
        List<ChatMessage> messages = StartHistory(settings);
        ChatCompletionOptions options = settings.ToOptions();
        TextWriter output = session.Output;
        if (session.ShowPrompt)
        {
            await output.WriteLineAsync($"Chatting with {client.Endpoint}. /help lists the commands, /exit quits.").ConfigureAwait(false);
        }

        int exitCode = ExitCodes.Ok;
        while (true)
        {
            if (session.ShowPrompt)
            {
                await output.WriteAsync("> ").ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            string? line = await ReadLineAsync(session.Input, cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                // Ctrl+D: end on a new line, so the shell's prompt does not follow "> ".
                if (session.ShowPrompt)
                {
                    await output.WriteLineAsync().ConfigureAwait(false);
                }

                return exitCode;
            }

            string trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (trimmed.StartsWith('/'))
            {
                switch (trimmed)
                {
                    case "/exit" or "/quit":
                        return exitCode;
                    case "/reset":
                        messages = StartHistory(settings);
                        await output.WriteLineAsync("(history cleared)").ConfigureAwait(false);
                        continue;
                    case "/help" or "/?":
                        await output.WriteLineAsync(Help).ConfigureAwait(false);
                        continue;
                    default:
                        // A mistyped command is not sent to the model.
                        await session.Error.WriteLineAsync($"unknown command '{trimmed.Split(' ')[0]}': /help lists the commands.").ConfigureAwait(false);
                        continue;
                }
            }

            messages.Add(ChatMessage.CreateUser(line));
            using Interrupts.AnswerScope answer = session.Interrupts.BeginAnswer(cancellationToken);
            try
            {
                ChatTurn turn = await StreamAnswerAsync(client, messages, options, output, answer.Token).ConfigureAwait(false);
                messages.Add(turn.ToMessage());
                exitCode = ExitCodes.Ok;
            }
            catch (OperationCanceledException) when (answer.Token.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C stopped this answer (the SDK closed its stream, so TGI stops generating); the session goes on
                // without the turn.
                messages.RemoveAt(messages.Count - 1);
                await output.WriteLineAsync().ConfigureAwait(false);
                await session.Error.WriteLineAsync("(answer stopped; Ctrl+C at the prompt ends the session)").ConfigureAwait(false);
            }
            catch (TgiException e)
            {
                // One failed turn (overload, validation) should not end the conversation: report it and forget the turn.
                messages.RemoveAt(messages.Count - 1);
                await session.Error.WriteLineAsync(ErrorFormatter.Format(e)).ConfigureAwait(false);
                exitCode = ExitCodes.ServerError;
            }
        }
    }

    /// <summary>Streams one answer: text as it arrives, then one line per tool call.</summary>
    /// <param name="client">The client.</param>
    /// <param name="messages">The conversation.</param>
    /// <param name="options">The request options.</param>
    /// <param name="output">Where the answer goes.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The answer.</returns>
    public static async Task<ChatTurn> StreamAnswerAsync(TgiClient client, IReadOnlyList<ChatMessage> messages, ChatCompletionOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        // The SDK's accumulator assembles tool calls from every TGI wire shape (2.x streams the raw grammar JSON).
        var accumulator = new ChatCompletionAccumulator();
        bool streamedText = false;
        await foreach (ChatCompletionUpdate update in client.ChatStreamingAsync(messages, options, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            accumulator.Append(update);
            if (update.ContentDelta is { Length: > 0 } delta && !accumulator.HasToolCalls)
            {
                streamedText = true;
                await output.WriteAsync(delta).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        ChatCompletion completion = accumulator.ToCompletion();
        if (!streamedText && completion.Content is { Length: > 0 } resolved)
        {
            // TGI 2.x answers "no tool" inside the tool stream; the accumulator turns it back into text.
            await output.WriteAsync(resolved).ConfigureAwait(false);
            streamedText = true;
        }

        if (streamedText)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
        }

        foreach (ChatToolCall call in completion.ToolCalls)
        {
            await output.WriteLineAsync($"tool call: {call.FunctionName} {Compact(call.ArgumentsJson)}").ConfigureAwait(false);
        }

        return new ChatTurn(completion.Content ?? string.Empty, completion.ToolCalls, completion.FinishReason);
    }

    /// <summary>Gets the interactive loop's help.</summary>
    public static string Help { get; } = string.Join(
        Environment.NewLine,
        "/help    show this help",
        "/reset   forget the conversation (the system prompt stays)",
        "/exit    quit (also /quit, or Ctrl+D)",
        "Ctrl+C   stop the answer being written; at the prompt, end the session");

    /// <summary>Parses <c>--tool-choice</c> and checks that a named function is one of the tools.</summary>
    /// <param name="value">The value.</param>
    /// <param name="tools">The tools from <c>--tools</c>.</param>
    /// <returns>The choice, or null.</returns>
    /// <exception cref="UsageException">The value names no tool (TGI would answer 422).</exception>
    public static ChatToolChoice? ParseToolChoice(string? value, IReadOnlyList<ChatTool> tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ChatToolChoice? choice = ParseToolChoice(value);
        if (choice is { FunctionName: { } name } && !tools.Any(t => t.FunctionName == name))
        {
            string known = tools.Count == 0
                ? "--tools gives none"
                : "--tools gives " + string.Join(", ", tools.Select(static t => $"'{t.FunctionName}'"));
            throw new UsageException($"--tool-choice must be auto, required, none or the name of a tool ({known}); got '{name}'.");
        }

        return choice;
    }

    /// <summary>Parses <c>--tool-choice</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The choice, or null.</returns>
    public static ChatToolChoice? ParseToolChoice(string? value) => value?.Trim() switch
    {
        null or "" => null,
        "auto" => ChatToolChoice.Auto,
        "none" => ChatToolChoice.None,
        "required" => ChatToolChoice.Required,
        { } name => ChatToolChoice.CreateFunction(name),
    };

    /// <summary>
    /// Reads a line so that Ctrl+C at the prompt is seen at once: the console's reader blocks its thread and ignores
    /// the token, so the read runs on the pool and the wait is what is cancelled.
    /// </summary>
    private static Task<string?> ReadLineAsync(TextReader input, CancellationToken cancellationToken) =>
        Task.Run(input.ReadLine, CancellationToken.None).WaitAsync(cancellationToken);

    private static List<ChatMessage> StartHistory(ChatSettings settings) =>
        settings.System is { Length: > 0 } system ? [ChatMessage.CreateSystem(system)] : [];

    /// <summary>Streamed arguments carry the model's spacing: print them compact when they parse.</summary>
    private static string Compact(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                document.RootElement.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
