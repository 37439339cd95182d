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
            Description = "The message (- reads it from stdin). Without one, an interactive loop starts (type /exit to quit, /reset to forget).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Option<string?> system = new("--system", "-s") { Description = "The system prompt.", HelpName = "TEXT" };
        Option<string?> tools = new("--tools") { Description = "Tools the model may call: a JSON array of OpenAI-style tools in FILE. Tool calls are printed.", HelpName = "FILE" };
        Option<string?> toolChoice = new("--tool-choice") { Description = "auto (default), required, none, or a function name.", HelpName = "CHOICE" };
        Option<int?> maxTokens = new("--max-tokens", "-n") { Description = "The most tokens to generate (TGI default: until EOS)." };
        Option<float?> temperature = new("--temperature") { Description = "Sampling temperature (0 is greedy)." };
        Option<ulong?> seed = new("--seed") { Description = "The random seed." };
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
                var settings = new ChatSettings
                {
                    Message = parse.GetValue(message) is { } text ? await InputText.ResolveAsync(text, context.In, token).ConfigureAwait(false) : null,
                    System = parse.GetValue(system),
                    Tools = parse.GetValue(tools) is { } path ? ToolFile.Read(path) : [],
                    ToolChoice = ParseToolChoice(parse.GetValue(toolChoice)),
                    MaxTokens = parse.GetValue(maxTokens),
                    Temperature = parse.GetValue(temperature),
                    Seed = parse.GetValue(seed),
                    Model = parse.GetValue(model),
                };
                return settings.Message is null
                    ? await RunInteractiveAsync(client, settings, context.In, context.Out, context.Error, context.InputIsTerminal, token).ConfigureAwait(false)
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
    /// <param name="input">Where messages come from.</param>
    /// <param name="output">Where answers go.</param>
    /// <param name="error">Where a failed turn's error goes; the loop goes on without that turn.</param>
    /// <param name="showPrompt">Whether to show a prompt (the input is a terminal).</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code: 0, or 1 when the last turn failed.</returns>
    public static async Task<int> RunInteractiveAsync(TgiClient client, ChatSettings settings, TextReader input, TextWriter output, TextWriter error, bool showPrompt, CancellationToken cancellationToken)
    {
        List<ChatMessage> messages = StartHistory(settings);
        ChatCompletionOptions options = settings.ToOptions();
        if (showPrompt)
        {
            await output.WriteLineAsync($"Chatting with {client.Endpoint}. /exit quits, /reset clears the history.").ConfigureAwait(false);
        }

        int exitCode = ExitCodes.Ok;
        while (true)
        {
            if (showPrompt)
            {
                await output.WriteAsync("> ").ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            string? line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null || line.Trim() is "/exit" or "/quit")
            {
                return exitCode;
            }

            if (line.Trim() == "/reset")
            {
                messages = StartHistory(settings);
                await output.WriteLineAsync("(history cleared)").ConfigureAwait(false);
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            messages.Add(ChatMessage.CreateUser(line));
            try
            {
                ChatTurn turn = await StreamAnswerAsync(client, messages, options, output, cancellationToken).ConfigureAwait(false);
                messages.Add(turn.ToMessage());
                exitCode = ExitCodes.Ok;
            }
            catch (TgiException e)
            {
                // One failed turn (overload, validation) should not end the conversation: report it and forget the turn.
                messages.RemoveAt(messages.Count - 1);
                await error.WriteLineAsync(ErrorFormatter.Format(e)).ConfigureAwait(false);
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

    private static List<ChatMessage> StartHistory(ChatSettings settings) =>
        settings.System is { Length: > 0 } system ? [ChatMessage.CreateSystem(system)] : [];

    /// <summary>Streamed arguments carry the model's spacing (API.md §5.4): print them compact when they parse.</summary>
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
