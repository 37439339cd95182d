// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Completions;
using Tgi.Sdk.Generate;

namespace Tgi.Sdk.Telemetry;

/// <summary>What each inference route contributes to its <see cref="TgiOperation"/>: request parameters, then results.</summary>
internal static class OperationDescriptions
{
    /// <summary>Describes a native generate request.</summary>
    public static void Request(TgiOperation operation, GenerateOptions? o) =>
        operation.SetRequest(o?.MaxNewTokens, o?.Temperature, o?.TopP, o?.TopK, o?.FrequencyPenalty, null, o?.Seed, o?.StopSequences);

    /// <summary>Describes a chat request.</summary>
    public static void Request(TgiOperation operation, ChatCompletionOptions? o) =>
        operation.SetRequest(o?.MaxTokens, o?.Temperature, o?.TopP, null, o?.FrequencyPenalty, o?.PresencePenalty, o?.Seed, o?.StopSequences);

    /// <summary>Describes a completions request.</summary>
    public static void Request(TgiOperation operation, CompletionOptions? o) =>
        operation.SetRequest(o?.MaxTokens, o?.Temperature, o?.TopP, null, o?.FrequencyPenalty, null, o?.Seed, o?.StopSequences);

    /// <summary>Describes a native generate result (the prompt's token count comes from TGI's x-prompt-tokens header).</summary>
    public static void Result(TgiOperation operation, GenerateResponse response)
    {
        if (response.Details is { } details)
        {
            operation.AddFinishReason(details.FinishReason);
            operation.SetUsage(null, details.GeneratedTokens);
        }
    }

    /// <summary>Describes a chat result.</summary>
    public static void Result(TgiOperation operation, ChatCompletion completion)
    {
        operation.SetResponse(completion.Model, completion.Id);
        operation.AddFinishReason(completion.FinishReason);
        operation.SetUsage(completion.Usage?.PromptTokens, completion.Usage?.CompletionTokens);
    }

    /// <summary>Describes a completions result (one finish reason per prompt).</summary>
    public static void Result(TgiOperation operation, Completion completion)
    {
        operation.SetResponse(completion.Model, completion.Id);
        foreach (CompletionChoice choice in completion.Choices)
        {
            operation.AddFinishReason(choice.FinishReason);
        }

        operation.SetUsage(completion.Usage?.PromptTokens, completion.Usage?.CompletionTokens);
    }

    /// <summary>Reads a native stream update: the last event has the finish reason and, with details, the counts.</summary>
    /// <remarks>Without details the output count is the last event's 1-based index: TGI sends one event per token.</remarks>
    public static void Update(TgiOperation operation, in GenerateStreamUpdate update) =>
        NativeUpdate(operation, update.IsFinal, update.Details, update.Index);

    /// <summary>Reads a raw-mode native stream update (same rules as <see cref="GenerateStreamUpdate"/>).</summary>
    public static void Update(TgiOperation operation, in GenerateStreamRawUpdate update) =>
        NativeUpdate(operation, update.IsFinal, update.Details, update.Index);

    /// <summary>Reads a chat stream update: model and id, the finish reason, and usage when it is sent.</summary>
    public static void Update(TgiOperation operation, in ChatCompletionUpdate update)
    {
        operation.SetResponse(update.Model, update.Id);
        operation.AddFinishReason(update.FinishReason);
        if (update.Usage is { } usage)
        {
            operation.SetUsage(usage.PromptTokens, usage.CompletionTokens);
        }
    }

    /// <summary>Reads a completions stream update: each prompt's last chunk has its finish reason and its own usage, summed here.</summary>
    public static void Update(TgiOperation operation, in CompletionUpdate update)
    {
        operation.SetResponse(update.Model, null);
        operation.AddFinishReason(update.FinishReason);
        if (update.Usage is { } usage)
        {
            operation.AddUsage(usage.PromptTokens, usage.CompletionTokens);
        }
    }

    private static void NativeUpdate(TgiOperation operation, bool isFinal, StreamDetails? details, int index)
    {
        if (isFinal)
        {
            operation.AddFinishReason(details?.FinishReason);
            operation.SetUsage(details?.InputLength, details?.GeneratedTokens ?? index);
        }
    }
}
