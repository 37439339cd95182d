// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Microsoft.Extensions.AI;
using Tgi.Sdk.Generate;
using MeAi = Microsoft.Extensions.AI;
using TgiChat = global::Tgi.Sdk.Chat;

namespace Tgi.Sdk.Extensions.AI;

/// <summary>Maps Microsoft.Extensions.AI messages and options onto TGI's.</summary>
internal static class TgiRequestMapper
{
    /// <summary>The option keys that exist only on <c>/generate</c>.</summary>
    private static readonly string[] s_generateOnlyKeys =
        [TgiChatOptionKeys.TopK, TgiChatOptionKeys.Details, TgiChatOptionKeys.TopNTokens, TgiChatOptionKeys.TypicalP, TgiChatOptionKeys.Watermark, TgiChatOptionKeys.Truncate];

    /// <summary>Lists the generate-only options a request sets.</summary>
    public static List<string> GenerateOnlyOptions(ChatOptions? options)
    {
        List<string> found = [];
        if (options is null)
        {
            return found;
        }

        if (options.TopK is not null)
        {
            found.Add("TopK");
        }

        if (options.AdditionalProperties is { } extra)
        {
            found.AddRange(s_generateOnlyKeys.Where(k => extra.ContainsKey(k) && !(k == TgiChatOptionKeys.TopK && options.TopK is not null)));
        }

        return found;
    }

    /// <summary>Returns the raw prompt when the conversation is exactly one user text message.</summary>
    public static string? SinglePrompt(IReadOnlyList<MeAi.ChatMessage> messages) =>
        messages is [{ } only] && only.Role == MeAi.ChatRole.User && only.Contents.All(c => c is TextContent) ? only.Text : null;

    public static List<TgiChat.ChatMessage> ToTgiMessages(IEnumerable<MeAi.ChatMessage> messages)
    {
        List<TgiChat.ChatMessage> result = [];
        foreach (MeAi.ChatMessage message in messages)
        {
            if (message.RawRepresentation is TgiChat.ChatMessage raw)
            {
                result.Add(raw);
                continue;
            }

            if (message.Role == MeAi.ChatRole.Tool)
            {
                foreach (FunctionResultContent toolResult in message.Contents.OfType<FunctionResultContent>())
                {
                    result.Add(TgiChat.ChatMessage.CreateTool(toolResult.CallId, ResultText(toolResult.Result)));
                }

                continue;
            }

            if (message.Role == MeAi.ChatRole.Assistant)
            {
                List<TgiChat.ChatToolCall> calls = [.. message.Contents.OfType<FunctionCallContent>().Select(c => new TgiChat.ChatToolCall(c.CallId, c.Name, ArgumentsJson(c.Arguments)))];
                result.Add(calls.Count > 0 ? TgiChat.ChatMessage.CreateAssistant(calls) : TgiChat.ChatMessage.CreateAssistant(message.Text));
                continue;
            }

            if (message.Role == MeAi.ChatRole.System)
            {
                result.Add(TgiChat.ChatMessage.CreateSystem(message.Text));
                continue;
            }

            result.Add(ToUserMessage(message));
        }

        return result;
    }

    public static TgiChat.ChatCompletionOptions ToChatOptions(ChatOptions? options, bool streaming)
    {
        TgiChat.ChatCompletionOptions result = new() { IncludeUsage = streaming ? true : null };
        if (options is null)
        {
            return result;
        }

        result.Model = options.ModelId;
        result.MaxTokens = options.MaxOutputTokens;
        result.Temperature = options.Temperature;
        result.TopP = options.TopP;
        result.FrequencyPenalty = options.FrequencyPenalty;
        result.PresencePenalty = options.PresencePenalty;
        result.Seed = options.Seed is { } seed ? unchecked((ulong)seed) : null;
        foreach (string stop in options.StopSequences ?? [])
        {
            result.StopSequences.Add(stop);
        }

        foreach (AIFunctionDeclaration function in options.Tools?.OfType<AIFunctionDeclaration>() ?? [])
        {
            result.Tools.Add(TgiChat.ChatTool.CreateFunction(function.Name, function.Description, function.JsonSchema));
        }

        result.ToolChoice = options.ToolMode switch
        {
            NoneChatToolMode => TgiChat.ChatToolChoice.None,
            RequiredChatToolMode { RequiredFunctionName: { } name } => TgiChat.ChatToolChoice.CreateFunction(name),
            RequiredChatToolMode => TgiChat.ChatToolChoice.Required,
            _ => null,
        };
        result.ResponseFormat = ToGrammar(options.ResponseFormat);

        AdditionalPropertiesDictionary? extra = options.AdditionalProperties;
        if (extra is not null)
        {
            if (extra.TryGetValue(TgiChatOptionKeys.Grammar, out TgiGrammar? grammar) && grammar is not null)
            {
                result.ResponseFormat = grammar;
            }

            // TGI: chat uses model as the LoRA adapter id (API.md §11.10).
            if (extra.TryGetValue(TgiChatOptionKeys.AdapterId, out string? adapter) && adapter is not null)
            {
                result.Model = adapter;
            }

            // TGI: chat maps presence_penalty to repetition_penalty = presence_penalty + 2 (API.md §5.1).
            if (extra.TryGetValue(TgiChatOptionKeys.RepetitionPenalty, out float penalty))
            {
                result.PresencePenalty = penalty - 2f;
            }
        }

        return result;
    }

    public static GenerateOptions ToGenerateOptions(ChatOptions? options, bool streaming)
    {
        GenerateOptions result = new() { Details = streaming ? true : null };
        if (options is null)
        {
            return result;
        }

        result.MaxNewTokens = options.MaxOutputTokens;
        result.Temperature = options.Temperature;
        result.TopP = options.TopP;
        result.TopK = options.TopK;
        result.FrequencyPenalty = options.FrequencyPenalty;
        result.Seed = options.Seed is { } seed ? unchecked((ulong)seed) : null;
        result.Grammar = ToGrammar(options.ResponseFormat);
        foreach (string stop in options.StopSequences ?? [])
        {
            result.StopSequences.Add(stop);
        }

        AdditionalPropertiesDictionary? extra = options.AdditionalProperties;
        if (extra is not null)
        {
            if (extra.TryGetValue(TgiChatOptionKeys.Grammar, out TgiGrammar? grammar) && grammar is not null)
            {
                result.Grammar = grammar;
            }

            result.AdapterId = extra.TryGetValue(TgiChatOptionKeys.AdapterId, out string? adapter) ? adapter : null;
            result.RepetitionPenalty = extra.TryGetValue(TgiChatOptionKeys.RepetitionPenalty, out float penalty) ? penalty : null;
            result.TopK ??= extra.TryGetValue(TgiChatOptionKeys.TopK, out int topK) ? topK : null;
            result.Details = extra.TryGetValue(TgiChatOptionKeys.Details, out bool details) ? details : result.Details;
            result.TopNTokens = extra.TryGetValue(TgiChatOptionKeys.TopNTokens, out int topN) ? topN : null;
            result.TypicalP = extra.TryGetValue(TgiChatOptionKeys.TypicalP, out float typicalP) ? typicalP : null;
            result.Watermark = extra.TryGetValue(TgiChatOptionKeys.Watermark, out bool watermark) ? watermark : null;
            result.Truncate = extra.TryGetValue(TgiChatOptionKeys.Truncate, out int truncate) ? truncate : null;
        }

        return result;
    }

    /// <summary>Maps a response format onto TGI's <c>{"type":"json","value":schema}</c>.</summary>
    private static TgiGrammar? ToGrammar(ChatResponseFormat? format) => format switch
    {
        null or ChatResponseFormatText => null,
        ChatResponseFormatJson { Schema: { } schema } => TgiGrammar.Json(schema),

        // TGI: response_format {"type":"json_object"} without a schema is a 422 (API.md §7, §11.5).
        ChatResponseFormatJson => throw new NotSupportedException(
            "TGI has no schema-free JSON mode: give a schema (ChatResponseFormat.ForJsonSchema), which TGI turns into a grammar."),
        _ => null,
    };

    private static TgiChat.ChatMessage ToUserMessage(MeAi.ChatMessage message)
    {
        if (message.Contents.All(c => c is TextContent))
        {
            return TgiChat.ChatMessage.CreateUser(message.Text);
        }

        List<TgiChat.ChatContentPart> parts = [];
        foreach (AIContent content in message.Contents)
        {
            switch (content)
            {
                case TextContent text:
                    parts.Add(TgiChat.ChatContentPart.CreateText(text.Text));
                    break;
                case UriContent uri when uri.HasTopLevelMediaType("image"):
                    parts.Add(TgiChat.ChatContentPart.CreateImageUrl(uri.Uri));
                    break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                    parts.Add(TgiChat.ChatContentPart.CreateImageUrl(data.Uri));
                    break;
            }
        }

        return TgiChat.ChatMessage.CreateUser(parts);
    }

    private static string ArgumentsJson(IDictionary<string, object?>? arguments) =>
        arguments is null
            ? "{}"
            : JsonSerializer.Serialize(arguments, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>)));

    private static string ResultText(object? result) => result switch
    {
        null => string.Empty,
        string text => text,
        JsonElement element => element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText(),
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object))),
    };
}
