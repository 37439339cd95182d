// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;

namespace Tgi.Sdk.Providers;

/// <summary>Maps a provider-neutral request onto each API's options.</summary>
internal static class RequestMapper
{
    public static GenerateOptions ToGenerateOptions(TgiRequest request, bool streaming)
    {
        GenerateOptions options = new()
        {
            MaxNewTokens = request.MaxTokens,
            Temperature = request.Temperature,
            TopP = request.TopP,
            TopK = request.TopK,
            TypicalP = request.TypicalP,
            DoSample = request.DoSample,
            RepetitionPenalty = request.RepetitionPenalty,
            FrequencyPenalty = request.FrequencyPenalty,
            Seed = request.Seed,
            Grammar = request.Grammar,
            TopNTokens = request.TopNTokens,
            BestOf = request.BestOf,
            DecoderInputDetails = request.DecoderInputDetails,
            ReturnFullText = request.ReturnFullText,
            Watermark = request.Watermark,
            AdapterId = request.AdapterId,
            Truncate = request.Truncate,

            // TGI: a stream's finish reason and token counts come only in the final event's details (API.md §4).
            Details = request.Details ?? (streaming ? true : null),
        };
        foreach (string stop in request.StopSequences)
        {
            options.StopSequences.Add(stop);
        }

        return options;
    }

    public static ChatCompletionOptions ToChatOptions(TgiRequest request, bool streaming)
    {
        ChatCompletionOptions options = new()
        {
            MaxTokens = request.MaxTokens,
            Temperature = request.Temperature,
            TopP = request.TopP,
            FrequencyPenalty = request.FrequencyPenalty,
            Seed = request.Seed,
            ToolChoice = request.ToolChoice,
            ResponseFormat = request.ResponseFormat ?? request.Grammar,

            // TGI: chat maps presence_penalty to repetition_penalty = presence_penalty + 2 (API.md §5.1).
            PresencePenalty = request.RepetitionPenalty is { } r ? r - 2f : null,

            // TGI ≥3.2 sends usage in streams only when asked (API.md §5.3).
            IncludeUsage = streaming ? true : null,
        };
        foreach (string stop in request.StopSequences)
        {
            options.StopSequences.Add(stop);
        }

        foreach (ChatTool tool in request.Tools)
        {
            options.Tools.Add(tool);
        }

        return options;
    }

    public static IReadOnlyList<ChatMessage> ToMessages(TgiRequest request) =>
        request.Messages.Count > 0 ? [.. request.Messages] : [ChatMessage.CreateUser(request.Prompt!)];
}
