// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Microsoft.Extensions.AI;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using MeAi = Microsoft.Extensions.AI;

namespace Tgi.Sdk.Extensions.AI;

/// <summary>Maps TGI responses onto Microsoft.Extensions.AI's.</summary>
internal static class TgiResponseMapper
{
    public static ChatResponse FromChat(TgiResult<ChatCompletion> result)
    {
        ChatCompletion completion = result.Value;
        List<AIContent> contents = [];
        if (!string.IsNullOrEmpty(completion.Content))
        {
            contents.Add(new TextContent(completion.Content));
        }

        foreach (ChatToolCall call in completion.ToolCalls ?? [])
        {
            contents.Add(ToFunctionCall(call.Id, call.FunctionName, call.ArgumentsJson));
        }

        return new ChatResponse(new MeAi.ChatMessage(MeAi.ChatRole.Assistant, contents) { RawRepresentation = completion })
        {
            ResponseId = NullIfEmpty(completion.Id),
            ModelId = completion.Model,
            CreatedAt = completion.Created,
            FinishReason = MapFinishReason(completion.FinishReason, hasToolCalls: completion.ToolCalls is { Count: > 0 }),
            Usage = completion.Usage is { } usage ? ToUsage(usage.PromptTokens, usage.CompletionTokens) : null,
            RawRepresentation = result,
        };
    }

    public static ChatResponse FromGenerate(TgiResult<GenerateResponse> result, string? modelId)
    {
        GenerateResponse response = result.Value;
        TgiRawResponse raw = result.GetRawResponse();
        int? completionTokens = response.Details?.GeneratedTokens ?? raw.GeneratedTokens;
        return new ChatResponse(new MeAi.ChatMessage(MeAi.ChatRole.Assistant, response.GeneratedText))
        {
            ModelId = modelId,
            FinishReason = MapFinishReason(response.Details?.FinishReason, hasToolCalls: false),
            Usage = raw.PromptTokens is not null || completionTokens is not null ? ToUsage(raw.PromptTokens, completionTokens) : null,
            RawRepresentation = result,
        };
    }

    /// <summary>Maps every finish reason TGI has sent; unknown ones pass through instead of throwing.</summary>
    public static ChatFinishReason? MapFinishReason(FinishReason? reason, bool hasToolCalls)
    {
        // TGI: tool calls finish with "stop", or with no finish reason at all in streams (API.md §5.2, §5.4).
        if (hasToolCalls && (reason is null || reason.Value.IsEndOfSequence))
        {
            return ChatFinishReason.ToolCalls;
        }

        if (reason is not { } r || r == FinishReason.Empty)
        {
            return null;
        }

        // TGI: "stop" (≥2.3), "eos_token" (≤2.2, completions streams) and "stop_sequence" all mean a natural stop.
        if (r.IsEndOfSequence || r == FinishReason.StopSequence)
        {
            return ChatFinishReason.Stop;
        }

        return r == FinishReason.Length ? ChatFinishReason.Length
            : r == FinishReason.ToolCalls ? ChatFinishReason.ToolCalls
            : new ChatFinishReason(r.ToString());
    }

    public static UsageDetails ToUsage(int? promptTokens, int? completionTokens) => new()
    {
        InputTokenCount = promptTokens,
        OutputTokenCount = completionTokens,
        TotalTokenCount = promptTokens + completionTokens,
    };

    public static FunctionCallContent ToFunctionCall(string callId, string name, string? argumentsJson) =>

        // TGI: arguments are a JSON string (≥3.2), parsed rather than compared (API.md §5.4); a parse failure is kept on the content.
        FunctionCallContent.CreateFromParsedArguments(string.IsNullOrWhiteSpace(argumentsJson) ? "{}" : argumentsJson, callId, name, ParseArguments);

    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static Dictionary<string, object?> ParseArguments(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        Dictionary<string, object?> arguments = [];
        foreach (JsonProperty property in document.RootElement.EnumerateObject())
        {
            arguments[property.Name] = property.Value.Clone();
        }

        return arguments;
    }
}
