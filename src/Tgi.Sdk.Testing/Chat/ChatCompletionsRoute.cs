// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tgi.Sdk.Testing;

/// <summary>POST <c>/v1/chat/completions</c> and <c>/chat_tokenize</c>.</summary>
internal sealed class ChatCompletionsRoute(EmulatorState state)
{
    private static readonly byte[] s_done = "[DONE]"u8.ToArray();

    public async Task HandleAsync(HttpContext context)
    {
        using JsonDocument? document = await JsonBodyReader.ReadAsync(context).ConfigureAwait(false);
        if (document is not null)
        {
            await HandleParsedAsync(context, document.RootElement).ConfigureAwait(false);
        }
    }

    public async Task HandleParsedAsync(HttpContext context, JsonElement root)
    {
        ChatRequest request;
        try
        {
            request = ChatRequestBinder.Bind(root, state.Profile);
        }
        catch (BindException error)
        {
            await JsonBodyReader.WriteBindErrorAsync(context, error).ConfigureAwait(false);
            return;
        }

        // TGI: §5.3 template, tool lookup and tools+response_format fail before any stream starts, as JSON 422.
        ChatSetup setup;
        try
        {
            setup = Prepare(request);
        }
        catch (TgiError error)
        {
            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        state.Metrics.Started();
        if (request.Stream)
        {
            await StreamAsync(context, request, setup).ConfigureAwait(false);
        }
        else
        {
            await NonStreamAsync(context, request, setup).ConfigureAwait(false);
        }
    }

    /// <summary>TGI: the template and tools applied, tokenized without re-adding special tokens. Needs no API key.</summary>
    public async Task ChatTokenizeAsync(HttpContext context)
    {
        using JsonDocument? document = await JsonBodyReader.ReadAsync(context).ConfigureAwait(false);
        if (document is null)
        {
            return;
        }

        ChatSetup setup;
        try
        {
            setup = Prepare(ChatRequestBinder.Bind(document.RootElement, state.Profile));
        }
        catch (BindException error)
        {
            await JsonBodyReader.WriteBindErrorAsync(context, error).ConfigureAwait(false);
            return;
        }
        catch (TgiError error)
        {
            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        List<TokenSpan> tokens = EmulatorTokenizer.Tokenize(setup.Prompt, addBos: false);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("tokenize_response");
            TokenizeRoute.WriteTokens(writer, tokens);
            SerdeStrings.Write(writer, "templated_text", setup.Prompt);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private ChatSetup Prepare(ChatRequest request)
    {
        if (!state.Options.HasChatTemplate)
        {
            throw TgiError.Template("template not found");
        }

        if (request.Tools is not null && request.ResponseFormat is not null)
        {
            throw TgiError.Tool("Grammar and tools are mutually exclusive");
        }

        ToolSelection tools = ToolSelection.Select(request, state.Profile);
        bool continueFinal = state.Profile.ContinueFinalAssistantMessage;
        string prompt = ChatTemplate.Apply(request.Messages, tools.RenderedTools, request.ToolPrompt, continueFinal);
        string plainPrompt = tools.Active ? ChatTemplate.Apply(request.Messages, [], null, continueFinal) : prompt;

        // TGI: §5.1 model is echoed since 3.0 unless it is "tgi".
        string model = state.Profile.EchoModel && request.Model is { } requested && requested != "tgi" ? requested : state.Options.ModelId;

        // TGI: temperature 0 → greedy (from 2.0.2; before, 0 reaches validation); absent → sampling at T=1;
        // presence_penalty → repetition_penalty = p + 2.
        bool greedy = request.Temperature is 0f && state.Profile.ChatGreedyAtZeroTemperature;
        var parameters = new GenerateParameters
        {
            MaxNewTokens = request.MaxTokens,
            Temperature = greedy ? null : request.Temperature,
            DoSample = !greedy,
            TopP = request.TopP,
            FrequencyPenalty = request.FrequencyPenalty,
            RepetitionPenalty = request.PresencePenalty is { } presence ? presence + 2f : null,
            Stop = request.Stop ?? [],
            Seed = request.Seed,
            TopNTokens = request.TopLogprobs,
            Details = true,
            Grammar = request.ResponseFormat,
        };
        return new ChatSetup(prompt, plainPrompt, model, parameters, tools);
    }

    private (CompletedSequence Sequence, ValidatedInput Validated, GenerationPlan Plan) Generate(ChatRequest request, ChatSetup setup, string prompt, bool withTools)
    {
        if (withTools && setup.Tools.Active && !state.Options.GrammarSupport)
        {
            throw TgiError.Validation("grammar is not supported");
        }

        ValidatedInput validated = RequestValidator.Validate(prompt, setup.Parameters, state, addBos: false);
        if (state.Faults.TryConsumeGenerationError())
        {
            throw TgiError.Generation("emulated shard failure");
        }

        var plan = new GenerationPlan
        {
            Route = "/v1/chat/completions",
            Prompt = prompt,
            InputTokens = validated.InputTokens,
            MaxNewTokens = validated.MaxNewTokens,
            Stop = setup.Parameters.Stop,
            Seed = setup.Parameters.Seed,
            Sampling = setup.Parameters.UsesSampling,
            Temperature = setup.Parameters.Temperature,
            Grammar = withTools ? validated.Grammar : null,
            ToolGrammar = withTools ? setup.Tools.GrammarTools : [],
            Messages = request.Messages,
        };
        return (GenerationEngine.Run(plan, state.Options.Generator), validated, plan);
    }

    private async Task NonStreamAsync(HttpContext context, ChatRequest request, ChatSetup setup)
    {
        long start = Stopwatch.GetTimestamp();
        FaultSnapshot faults = state.Faults.Snapshot();
        CompletedSequence sequence;
        ValidatedInput validated;
        ParsedToolCall? toolCall = null;
        string? content = null;
        try
        {
            using InFlightLease lease = state.TryAdmit() ?? throw TgiError.Overloaded();
            (sequence, validated, _) = Generate(request, setup, setup.Prompt, withTools: true);
            if (setup.Tools.Active)
            {
                if (!ParsedToolCall.TryParse(sequence.GeneratedText, out toolCall, out string? parseError))
                {
                    // TGI: §5.4 a tool output cut by max_tokens is a 422 in non-stream mode; before 2.3.0 (§12) the raw
                    // serde message, typed "Input validation error".
                    throw state.Profile.LegacyToolParseError
                        ? new TgiError(422, "Input validation error", parseError!)
                        : TgiError.Tool($"Failed to parse generated text: {parseError} {JsonStrings.Quote(sequence.GeneratedText)}");
                }

                if (toolCall!.Name == ToolCallText.NoToolName)
                {
                    if (state.Profile.NoTool == NoToolBehaviour.NoToolRegenerate)
                    {
                        // TGI ≥3.2: discard, and answer from a second generation without tools.
                        (sequence, validated, _) = Generate(request, setup, setup.PlainPrompt, withTools: false);
                        content = sequence.GeneratedText;
                    }
                    else
                    {
                        content = ParsedToolCall.ContentOf(toolCall.ArgumentsJson, "content") ?? string.Empty;
                    }

                    toolCall = null;
                }
            }
            else
            {
                content = sequence.GeneratedText;
            }

            await Pacing.DelayForAsync(faults, sequence.Tokens.Count, context.RequestAborted, state.Stopping).ConfigureAwait(false);
        }
        catch (TgiError error)
        {
            state.Metrics.Failed();
            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        int promptTokens = sequence.ReportedPromptTokens(validated.InputTokens);
        state.Metrics.Succeeded(promptTokens, sequence.Tokens.Count);
        TgiHeaders.SetGenerate(context.Response, state, setup.Prompt, promptTokens, sequence.Tokens.Count, start);
        var usage = new Usage(promptTokens, sequence.Tokens.Count);
        string finish = ChatFinishReason(sequence.FinishReason);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            ChatJson.WriteEnvelopeStart(writer, state, setup.Model, chunk: false);
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            writer.WriteStartObject("message");
            SerdeStrings.Write(writer, "role", "assistant");
            if (toolCall is null)
            {
                SerdeStrings.Write(writer, "content", content ?? string.Empty);
            }
            else
            {
                WriteToolCalls(writer, toolCall);
            }

            writer.WriteEndObject();
            IReadOnlyList<TgiGeneratedToken>? logprobs = !request.Logprobs ? null : state.Profile.EmptyNonStreamLogprobs && (request.TopLogprobs ?? 0) == 0 ? [] : sequence.Tokens;
            ChatJson.WriteLogprobs(writer, logprobs, request.TopLogprobs ?? 0);
            SerdeStrings.Write(writer, "finish_reason", finish);
            writer.WriteEndObject();
            writer.WriteEndArray();
            ChatJson.WriteUsage(writer, usage);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    // TGI: §5.2 the non-stream tool_calls shape by version; only one call, id "0" (an integer before 2.0.4).
    private void WriteToolCalls(Utf8JsonWriter writer, ParsedToolCall call)
    {
        ToolCallShape shape = state.Profile.ToolCallShape;
        writer.WriteStartArray("tool_calls");
        writer.WriteStartObject();
        if (shape is ToolCallShape.NamedToolsWithParameters or ToolCallShape.IntegerIdArgumentsObject)
        {
            writer.WriteNumber("id", 0);
        }
        else
        {
            SerdeStrings.Write(writer, "id", "0");
        }

        SerdeStrings.Write(writer, "type", "function");
        writer.WriteStartObject("function");
        writer.WriteNull("description");
        switch (shape)
        {
            case ToolCallShape.NamedToolsWithParameters:
                SerdeStrings.Write(writer, "name", "tools");
                writer.WritePropertyName("parameters");
                writer.WriteRawValue(call.FunctionJson, skipInputValidation: true);
                break;
            case ToolCallShape.ArgumentsString:
                SerdeStrings.Write(writer, "name", call.Name);
                SerdeStrings.Write(writer, "arguments", call.ArgumentsJson);
                break;
            default:
                SerdeStrings.Write(writer, "name", call.Name);
                writer.WritePropertyName("arguments");
                writer.WriteRawValue(call.ArgumentsJson, skipInputValidation: true);
                break;
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private async Task StreamAsync(HttpContext context, ChatRequest request, ChatSetup setup)
    {
        FaultSnapshot faults = state.Faults.Snapshot();
        var sse = new SseStream(context, state, faults);
        await using ConfiguredAsyncDisposable disposal = sse.ConfigureAwait(false);
        try
        {
            await sse.StartAsync(TgiHeaders.ForStream(state, setup.Prompt)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            using (InFlightLease lease = state.TryAdmit() ?? throw TgiError.Overloaded())
            {
                (CompletedSequence sequence, ValidatedInput validated, _) = Generate(request, setup, setup.Prompt, withTools: true);
                var streamer = new ChatStreamWriter(state, sse, setup.Model, request.Logprobs ? Math.Max(0, request.TopLogprobs ?? 0) : -1, request.IncludeUsage);
                bool completed;
                if (!setup.Tools.Active)
                {
                    completed = await streamer.WriteContentAsync(sequence, sequence.ReportedPromptTokens(validated.InputTokens)).ConfigureAwait(false);
                }
                else if (state.Profile.StreamToolCallsAsObject)
                {
                    completed = await streamer.WriteLegacyToolsAsync(sequence, sequence.ReportedPromptTokens(validated.InputTokens)).ConfigureAwait(false);
                }
                else
                {
                    string id = NextToolCallId(request);
                    ToolStreamOutcome outcome = await streamer.WriteToolsAsync(sequence, sequence.ReportedPromptTokens(validated.InputTokens), id).ConfigureAwait(false);
                    completed = outcome != ToolStreamOutcome.Aborted;
                    if (outcome == ToolStreamOutcome.NoTool)
                    {
                        // TGI ≥3.2: the first stream is abandoned before anything is sent; a plain second generation follows.
                        (sequence, validated, _) = Generate(request, setup, setup.PlainPrompt, withTools: false);
                        completed = await streamer.WriteContentAsync(sequence, sequence.ReportedPromptTokens(validated.InputTokens)).ConfigureAwait(false);
                    }
                }

                if (!completed)
                {
                    return;
                }

                state.Metrics.Succeeded(sequence.ReportedPromptTokens(validated.InputTokens), sequence.Tokens.Count);
            }
        }
        catch (TgiError error)
        {
            state.Metrics.Failed();
            if (sse.Ended)
            {
                return;
            }

            Utf8JsonWriter writer = await sse.BeginEventAsync().ConfigureAwait(false);
            if (state.Profile.OpenAiStreamErrors)
            {
                ErrorResponses.WriteOpenAiStreamError(writer, error);
            }
            else
            {
                ErrorResponses.WriteNative(writer, error);
            }

            await sse.EndEventAsync(forceFlush: true).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        // TGI: §5.3 the last frame is [DONE], after an error too.
        if (state.Profile.DoneSentinel && !sse.Ended)
        {
            await sse.WriteRawEventAsync(s_done).ConfigureAwait(false);
        }

        await sse.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>TGI: 1 + the largest integer id of earlier tool calls ("0" when none); a UUID if any id is not an integer.</summary>
    private static string NextToolCallId(ChatRequest request)
    {
        long next = 0;
        foreach (long? id in request.EarlierToolCallIds)
        {
            if (id is null)
            {
                return Guid.NewGuid().ToString();
            }

            next = Math.Max(next, id.Value + 1);
        }

        return next.ToString(CultureInfo.InvariantCulture);
    }

    private string ChatFinishReason(FinishReason reason) => ChatStreamWriter.FinishName(state.Profile, reason);
}
