// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tgi.Sdk.Testing;

/// <summary>POST <c>/v1/completions</c>: one choice per prompt; streams interleave the prompts' chunks.</summary>
internal sealed class CompletionsRoute(EmulatorState state)
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
        CompletionRequest request;
        try
        {
            request = CompletionRequestBinder.Bind(root, state.Profile);
        }
        catch (BindException error)
        {
            await JsonBodyReader.WriteBindErrorAsync(context, error).ConfigureAwait(false);
            return;
        }

        if (request.HasSuffix)
        {
            await ErrorResponses.WriteJsonAsync(context, 422, "Suffix is not supported and can be achieved by preprocessing the prompt.", "suffix not supported").ConfigureAwait(false);
            return;
        }

        if (request.Prompts.Count > state.Options.MaxClientBatchSize)
        {
            await ErrorResponses.WriteJsonAsync(
                context,
                422,
                $"Number of prompts exceeds the maximum allowed batch size of {state.Options.MaxClientBatchSize}",
                "batch size exceeded").ConfigureAwait(false);
            return;
        }

        // TGI: temperature 0 → greedy; absent → sampling.
        bool greedy = request.Temperature is 0f;
        var parameters = new GenerateParameters
        {
            MaxNewTokens = request.MaxTokens,
            Temperature = greedy ? null : request.Temperature,
            DoSample = !greedy,
            TopP = request.TopP,
            RepetitionPenalty = request.RepetitionPenalty,
            FrequencyPenalty = request.FrequencyPenalty,
            Stop = request.Stop ?? [],
            Seed = request.Seed,
            Details = true,
        };

        state.Metrics.Started();
        if (request.Stream)
        {
            await StreamAsync(context, request, parameters).ConfigureAwait(false);
        }
        else
        {
            await NonStreamAsync(context, request, parameters).ConfigureAwait(false);
        }
    }

    private List<(CompletedSequence Sequence, int InputTokens)> GenerateAll(CompletionRequest request, GenerateParameters parameters)
    {
        var results = new List<(CompletedSequence, int)>(request.Prompts.Count);
        foreach (string prompt in request.Prompts)
        {
            ValidatedInput validated = RequestValidator.Validate(prompt, parameters, state);
            if (state.Faults.TryConsumeGenerationError())
            {
                throw TgiError.Generation("emulated shard failure");
            }

            var plan = new GenerationPlan
            {
                Route = "/v1/completions",
                Prompt = prompt,
                InputTokens = validated.InputTokens,
                MaxNewTokens = validated.MaxNewTokens,
                Stop = parameters.Stop,
                Seed = parameters.Seed,
                Sampling = parameters.UsesSampling,
                Temperature = parameters.Temperature,
            };
            CompletedSequence sequence = GenerationEngine.Run(plan, state.Options.Generator);
            results.Add((sequence, sequence.ReportedPromptTokens(validated.InputTokens)));
        }

        return results;
    }

    private async Task NonStreamAsync(HttpContext context, CompletionRequest request, GenerateParameters parameters)
    {
        long start = Stopwatch.GetTimestamp();
        FaultSnapshot faults = state.Faults.Snapshot();
        List<(CompletedSequence Sequence, int InputTokens)> results;
        try
        {
            using InFlightLease lease = state.TryAdmit() ?? throw TgiError.Overloaded();

            // TGI: §6 if any prompt fails, the whole request fails with that error.
            results = GenerateAll(request, parameters);
            await Pacing.DelayForAsync(faults, results.Max(r => r.Sequence.Tokens.Count), context.RequestAborted, state.Stopping).ConfigureAwait(false);
        }
        catch (TgiError error)
        {
            state.Metrics.Failed();
            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        int promptTokens = results.Sum(r => r.InputTokens);
        int completionTokens = results.Sum(r => r.Sequence.Tokens.Count);
        state.Metrics.Succeeded(promptTokens, completionTokens);
        TgiHeaders.SetGenerate(context.Response, state, string.Concat(request.Prompts), promptTokens, completionTokens, start);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            WriteEnvelopeStart(writer);
            writer.WriteStartArray("choices");
            for (int i = 0; i < results.Count; i++)
            {
                CompletedSequence sequence = results[i].Sequence;
                writer.WriteStartObject();
                writer.WriteNumber("index", i);
                SerdeStrings.Write(writer, "text", sequence.GeneratedText);
                writer.WriteNull("logprobs");

                // TGI: §6 non-stream maps EOS to "stop".
                SerdeStrings.Write(writer, "finish_reason", ChatStreamWriter.FinishName(state.Profile, sequence.FinishReason));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            ChatJson.WriteUsage(writer, new Usage(promptTokens, completionTokens));
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private async Task StreamAsync(HttpContext context, CompletionRequest request, GenerateParameters parameters)
    {
        FaultSnapshot faults = state.Faults.Snapshot();
        var sse = new SseStream(context, state, faults);
        await using ConfiguredAsyncDisposable disposal = sse.ConfigureAwait(false);
        try
        {
            await sse.StartAsync(TgiHeaders.ForStream(state, string.Concat(request.Prompts))).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            using (InFlightLease lease = state.TryAdmit() ?? throw TgiError.Overloaded())
            {
                List<(CompletedSequence Sequence, int InputTokens)> results = GenerateAll(request, parameters);
                int longest = results.Max(r => r.Sequence.Tokens.Count);
                int emitted = 0;

                // TGI: §6 the prompts' streams are merged, so chunks interleave; index tells them apart.
                for (int step = 0; step < longest; step++)
                {
                    for (int prompt = 0; prompt < results.Count; prompt++)
                    {
                        (CompletedSequence sequence, int inputTokens) = results[prompt];
                        if (step >= sequence.Tokens.Count)
                        {
                            continue;
                        }

                        if (!await sse.BeforeTokenAsync(emitted).ConfigureAwait(false))
                        {
                            return;
                        }

                        TgiGeneratedToken token = sequence.Tokens[step];
                        bool last = step == sequence.Tokens.Count - 1;
                        string text = token.Special ? string.Empty : token.Text;
                        text = Padding.For(sse, text) ?? text;
                        Utf8JsonWriter writer = await sse.BeginEventAsync().ConfigureAwait(false);
                        if (last && !state.Profile.LegacyCompletionStream)
                        {
                            WriteFinal(writer, prompt, text, sequence, inputTokens);
                        }
                        else
                        {
                            WriteChunk(writer, prompt, text);
                        }

                        await sse.EndEventAsync().ConfigureAwait(false);
                        emitted++;
                    }
                }

                state.Metrics.Succeeded(results.Sum(r => r.InputTokens), results.Sum(r => r.Sequence.Tokens.Count));
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

        // TGI: §12 2.0.0–2.0.3 end the completions stream without [DONE].
        if (!sse.Ended && !state.Profile.LegacyCompletionStream)
        {
            await sse.WriteRawEventAsync(s_done).ConfigureAwait(false);
        }

        await sse.CompleteAsync().ConfigureAwait(false);
    }

    private void WriteEnvelopeStart(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        SerdeStrings.Write(writer, "object", "text_completion");
        SerdeStrings.Write(writer, "id", string.Empty);
        writer.WriteNumber("created", state.UnixNow);
        SerdeStrings.Write(writer, "model", state.Options.ModelId);
        SerdeStrings.Write(writer, "system_fingerprint", state.SystemFingerprint);
    }

    // TGI: §6 an in-progress Chunk: choices before model, finish_reason "" (not null), no usage key.
    // TGI: §12 2.0.0–2.0.3 every chunk, the last one too, is this CompletionCompleteChunk, with id before object.
    private void WriteChunk(Utf8JsonWriter writer, int index, string text)
    {
        writer.WriteStartObject();
        if (state.Profile.LegacyCompletionStream)
        {
            SerdeStrings.Write(writer, "id", string.Empty);
            SerdeStrings.Write(writer, "object", "text_completion");
        }
        else
        {
            SerdeStrings.Write(writer, "object", "text_completion");
            SerdeStrings.Write(writer, "id", string.Empty);
        }

        writer.WriteNumber("created", state.UnixNow);
        writer.WriteStartArray("choices");
        writer.WriteStartObject();
        writer.WriteNumber("index", index);
        SerdeStrings.Write(writer, "text", text);
        writer.WriteNull("logprobs");
        SerdeStrings.Write(writer, "finish_reason", string.Empty);
        writer.WriteEndObject();
        writer.WriteEndArray();
        SerdeStrings.Write(writer, "model", state.Options.ModelId);
        SerdeStrings.Write(writer, "system_fingerprint", state.SystemFingerprint);
        writer.WriteEndObject();
    }

    // TGI: §6 each prompt's last token is a CompletionFinal with the native finish_reason (eos_token) and its usage.
    private void WriteFinal(Utf8JsonWriter writer, int index, string text, CompletedSequence sequence, int inputTokens)
    {
        WriteEnvelopeStart(writer);
        writer.WriteStartArray("choices");
        writer.WriteStartObject();
        writer.WriteNumber("index", index);
        SerdeStrings.Write(writer, "text", text);
        writer.WriteNull("logprobs");
        SerdeStrings.Write(writer, "finish_reason", CompletedSequence.NativeName(sequence.FinishReason));
        writer.WriteEndObject();
        writer.WriteEndArray();
        ChatJson.WriteUsage(writer, new Usage(inputTokens, sequence.Tokens.Count));
        writer.WriteEndObject();
    }
}
