// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tgi.Sdk.Testing;

/// <summary>POST <c>/generate</c>, <c>/generate_stream</c> and the compat POST <c>/</c>.</summary>
internal sealed class GenerateRoute(EmulatorState state)
{
    public Task GenerateAsync(HttpContext context) => HandleAsync(context, GenerateMode.Generate);

    public Task GenerateStreamAsync(HttpContext context) => HandleAsync(context, GenerateMode.Stream);

    public Task CompatAsync(HttpContext context) => HandleAsync(context, GenerateMode.Compat);

    /// <summary>Serves an already-parsed body (used by <c>/invocations</c>).</summary>
    public async Task HandleParsedAsync(HttpContext context, JsonElement root, GenerateMode mode)
    {
        string inputs;
        GenerateParameters parameters;
        bool stream;
        try
        {
            (inputs, parameters, stream, _) = GenerateRequestBinder.Bind(root, state.Profile, compat: mode == GenerateMode.Compat);
        }
        catch (BindException error)
        {
            await JsonBodyReader.WriteBindErrorAsync(context, error).ConfigureAwait(false);
            return;
        }

        // TGI: §3 return_full_text null → false on /generate; on POST / → true for text-generation pipelines.
        bool fullText = parameters.ReturnFullText
            ?? (mode == GenerateMode.Compat && (state.Options.ModelPipelineTag is null or "text-generation"));
        string prefix = fullText ? inputs : string.Empty;
        state.Metrics.Started();
        if (mode == GenerateMode.Stream || stream)
        {
            await StreamAsync(context, inputs, parameters, prefix).ConfigureAwait(false);
        }
        else
        {
            await NonStreamAsync(context, inputs, parameters, prefix, wrapInArray: mode == GenerateMode.Compat).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context, GenerateMode mode)
    {
        using JsonDocument? document = await JsonBodyReader.ReadAsync(context).ConfigureAwait(false);
        if (document is not null)
        {
            await HandleParsedAsync(context, document.RootElement, mode).ConfigureAwait(false);
        }
    }

    private async Task NonStreamAsync(HttpContext context, string inputs, GenerateParameters parameters, string prefix, bool wrapInArray)
    {
        long start = Stopwatch.GetTimestamp();
        FaultSnapshot faults = state.Faults.Snapshot();
        List<CompletedSequence> sequences;
        ValidatedInput validated;
        try
        {
            using InFlightLease lease = state.TryAdmit() ?? throw TgiError.Overloaded();
            validated = RequestValidator.Validate(inputs, parameters, state);
            if (state.Faults.TryConsumeGenerationError())
            {
                throw TgiError.Generation("emulated shard failure");
            }

            sequences = GenerationEngine.RunBestOf(Plan(inputs, parameters, validated), state.Options.Generator);
            await Pacing.DelayForAsync(faults, sequences[0].Tokens.Count, context.RequestAborted, state.Stopping).ConfigureAwait(false);
        }
        catch (TgiError error)
        {
            state.Metrics.Failed();
            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        int promptTokens = sequences[0].ReportedPromptTokens(validated.InputTokens);
        state.Metrics.Succeeded(promptTokens, sequences[0].Tokens.Count);
        TgiHeaders.SetGenerate(context.Response, state, inputs, promptTokens, sequences[0].Tokens.Count, start);
        bool details = parameters.Details || parameters.DecoderInputDetails;
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            if (wrapInArray)
            {
                writer.WriteStartArray();
            }

            NativeJson.WriteGenerateResponse(writer, sequences, prefix, parameters, details);
            if (wrapInArray)
            {
                writer.WriteEndArray();
            }
        }).ConfigureAwait(false);
    }

    private async Task StreamAsync(HttpContext context, string inputs, GenerateParameters parameters, string prefix)
    {
        FaultSnapshot faults = state.Faults.Snapshot();
        var sse = new SseStream(context, state, faults);
        await using ConfiguredAsyncDisposable disposal = sse.ConfigureAwait(false);
        try
        {
            await sse.StartAsync(TgiHeaders.ForStream(state, inputs)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            // TGI: §4 every failure after the body bound is an event on a 200 stream.
            CompletedSequence sequence;
            ValidatedInput validated;
            using (InFlightLease lease = state.TryAdmit() ?? throw TgiError.Overloaded())
            {
                if (parameters.BestOf is { } bestOf && bestOf != 1)
                {
                    throw TgiError.Validation("`best_of` != 1 is not supported when streaming tokens");
                }

                if (parameters.DecoderInputDetails)
                {
                    throw TgiError.Validation("`decoder_input_details` == true is not supported when streaming tokens");
                }

                validated = RequestValidator.Validate(inputs, parameters, state);
                if (state.Faults.TryConsumeGenerationError())
                {
                    throw TgiError.Generation("emulated shard failure");
                }

                sequence = GenerationEngine.Run(Plan(inputs, parameters, validated), state.Options.Generator);
                int topN = parameters.TopNTokens ?? 0;
                for (int i = 0; i < sequence.Tokens.Count; i++)
                {
                    if (!await sse.BeforeTokenAsync(i).ConfigureAwait(false))
                    {
                        return;
                    }

                    bool last = i == sequence.Tokens.Count - 1;
                    TgiGeneratedToken token = sequence.Tokens[i];
                    string? padded = Padding.For(sse, token.Text);
                    Utf8JsonWriter writer = await sse.BeginEventAsync().ConfigureAwait(false);
                    NativeJson.WriteStreamEvent(
                        writer,
                        i + 1,
                        token,
                        topN,
                        last ? prefix + sequence.GeneratedText : null,
                        last ? sequence : null,
                        sequence.ReportedPromptTokens(validated.InputTokens),
                        parameters.Details,
                        state.Profile.StreamDetailsInputLength,
                        padded);
                    await sse.EndEventAsync(forceFlush: last).ConfigureAwait(false);
                }
            }

            state.Metrics.Succeeded(sequence.ReportedPromptTokens(validated.InputTokens), sequence.Tokens.Count);
        }
        catch (TgiError error)
        {
            state.Metrics.Failed();
            if (!sse.Ended)
            {
                Utf8JsonWriter writer = await sse.BeginEventAsync().ConfigureAwait(false);
                ErrorResponses.WriteNative(writer, error);
                await sse.EndEventAsync(forceFlush: true).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await sse.CompleteAsync().ConfigureAwait(false);
    }

    private static GenerationPlan Plan(string inputs, GenerateParameters parameters, ValidatedInput validated) => new()
    {
        Route = "/generate",
        Prompt = inputs,
        InputTokens = validated.InputTokens,
        MaxNewTokens = validated.MaxNewTokens,
        Stop = parameters.Stop,
        Seed = parameters.Seed,
        Sampling = parameters.UsesSampling,
        Temperature = parameters.Temperature,
        Grammar = validated.Grammar,
        BestOf = validated.BestOf,
        Truncate = parameters.Truncate,
    };
}
