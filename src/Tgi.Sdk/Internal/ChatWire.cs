// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Tgi.Sdk.Chat;
using Models = Tgi.Generated.Models;

namespace Tgi.Sdk.Internal;

/// <summary>
/// Builds <c>ChatRequest</c> models and maps <c>ChatCompletion</c> models. The models are the generated
/// client's: Kiota serializes the request and parses the response; this class decides what is set and maps the result.
/// </summary>
internal static class ChatWire
{
    /// <summary>Builds a chat request with only the fields the caller set.</summary>
    /// <param name="messages">The messages.</param>
    /// <param name="o">The options, or null.</param>
    /// <param name="stream">Whether this is a streaming request.</param>
    public static Models.ChatRequest CreateRequest(IReadOnlyList<ChatMessage> messages, ChatCompletionOptions? o, bool stream)
    {
        Models.ChatRequest request = new()
        {
            Model = o?.Model,
            Messages = [.. messages.Select(CreateMessage)],
            Stream = stream ? true : null,
        };
        if (o is null)
        {
            return request;
        }

        request.MaxTokens = o.MaxTokens;
        request.Temperature = o.Temperature;
        request.TopP = WireRules.TopP(o.TopP);
        request.FrequencyPenalty = o.FrequencyPenalty;

        // TGI: presence_penalty becomes repetition_penalty = presence_penalty + 2.0 (API.md §5.1): never sent by default.
        request.PresencePenalty = o.PresencePenalty;
        request.Stop = WireRules.Stop(o.StopSequences);
        request.Seed = o.Seed;
        request.Logprobs = o.Logprobs;
        request.TopLogprobs = o.TopLogprobs;

        // TGI ≥3.2: stream_options is a non-nullable struct, so it is set only as an object, only when streaming.
        if (stream && o.IncludeUsage is { } includeUsage)
        {
            request.StreamOptions = new Models.StreamOptions { IncludeUsage = includeUsage };
        }

        if (o.Tools.Count > 0)
        {
            request.Tools = [.. o.Tools.Select(CreateTool)];
        }

        if (o.ToolChoice is { } choice)
        {
            request.ToolChoice = choice.Keyword is { } keyword
                ? new Models.ToolChoice { String = keyword }

                // TGI ≥2.4.1: the OpenAI object form.
                : new Models.ToolChoice
                {
                    NamedToolChoice = new Models.NamedToolChoice { Type = "function", Function = new Models.FunctionName { Name = choice.FunctionName } },
                };
        }

        request.ToolPrompt = o.ToolPrompt;
        request.ResponseFormat = o.ResponseFormat is { } format ? WireRules.Grammar(format) : null;
        return request;
    }

    /// <summary>Maps a non-streamed chat completion.</summary>
    public static ChatCompletion ReadCompletion(JsonElement e)
    {
        Models.ChatCompletion m = KiotaBridge.Parse(e, Models.ChatCompletion.CreateFromDiscriminatorValue);
        ChatRole role = ChatRole.Assistant;
        string? content = null;
        IReadOnlyList<ChatToolCall> toolCalls = [];
        FinishReason? finishReason = null;
        IReadOnlyList<ChatTokenLogprob>? logprobs = null;

        // TGI: always exactly one choice (API.md §5.2).
        if (m.Choices is [Models.ChatCompletionComplete choice, ..])
        {
            if (choice.Message is { } message)
            {
                if (message.Role is { } r)
                {
                    role = new ChatRole(r);
                }

                content = message.Content;
                toolCalls = ReadToolCalls(message.ToolCalls, ref content);
            }

            finishReason = Vocabulary.FinishReasonFrom(choice.FinishReason);
            logprobs = ReadLogprobs(choice.Logprobs);
        }

        return new ChatCompletion(
            m.Id ?? string.Empty,
            m.Model ?? string.Empty,
            UnixTime.FromSeconds(m.Created ?? 0),
            m.SystemFingerprint,
            role,
            content,
            toolCalls,
            finishReason,
            ReadUsage(m.Usage),
            logprobs);
    }

    /// <summary>Maps <c>usage</c>, or null.</summary>
    public static TokenUsage? ReadUsage(Models.Usage? usage) =>
        usage is null ? null : new TokenUsage(usage.PromptTokens ?? 0, usage.CompletionTokens ?? 0, usage.TotalTokens ?? 0);

    private static Models.Message CreateMessage(ChatMessage m)
    {
        Models.Message message = new()
        {
            Role = m.Role.ToString(),
            ToolCallId = m.ToolCallId,
            Name = m.Name,
        };
        if (m.ContentParts.Count > 0)
        {
            message.Content = new Models.MessageContent { MessageChunk = [.. m.ContentParts.Select(CreatePart)] };
        }
        else if (m.Content is { } content)
        {
            message.Content = new Models.MessageContent { String = content };
        }

        // TGI ≥3.1.1: an assistant turn with tool_calls and no content; a string content would win over the
        // tool calls, so none is set (API.md §5.1, §11.8).
        if (m.ToolCalls.Count > 0)
        {
            message.ToolCalls = [.. m.ToolCalls.Select(static call => new Models.ToolCall
            {
                Id = new UntypedString(call.Id),
                Type = "function",
                Function = new Models.FunctionCall { Name = call.FunctionName, Arguments = new UntypedString(call.ArgumentsJson) },
            })];
        }

        return message;
    }

    private static Models.MessageChunk CreatePart(ChatContentPart part) =>
        part.Kind == ChatContentPartKind.Text
            ? new Models.MessageChunk { Type = Models.MessageChunkType.Text, Text = part.Text }
            : new Models.MessageChunk { Type = Models.MessageChunkType.ImageUrl, ImageUrl = new Models.Url { UrlProp = part.ImageUrl } };

    private static Models.Tool CreateTool(ChatTool tool) =>
        new()
        {
            Type = "function",
            Function = new Models.FunctionDefinition
            {
                Name = tool.FunctionName,
                Description = tool.FunctionDescription,

                // TGI: "parameters" (or "arguments") is required (API.md §2.2).
                Parameters = tool.FunctionParameters.ValueKind == JsonValueKind.Undefined
                    ? new UntypedObject(new Dictionary<string, UntypedNode>())
                    : UntypedJson.FromJson(tool.FunctionParameters),
            },
        };

    private static ChatToolCall[] ReadToolCalls(List<Models.ToolCall>? calls, ref string? content)
    {
        if (calls is null)
        {
            return [];
        }

        List<ChatToolCall> result = new(calls.Count);
        foreach (Models.ToolCall call in calls)
        {
            // TGI: id is an int on ≤2.0.3 and a string after; arguments is an object before 3.2 and a string after;
            // 1.4–2.0.0 named it "parameters" and the function "tools", with the real name in "_name" (API.md §5.5).
            string? id = UntypedJson.ToIdText(call.Id);
            string name = call.Function?.Name ?? string.Empty;
            string? arguments = UntypedJson.ToStringOrJson(call.Function?.Arguments) ?? UntypedJson.ToStringOrJson(call.Function?.Parameters);

            // TGI 2.0.1–2.3: the hidden notify_error "tool" is the model's answer, not a call (API.md §5.5).
            ToolCallResolver.Resolve(id, name, arguments, out ChatToolCall? resolved, out string? text);
            if (text is not null)
            {
                content ??= text;
            }

            if (resolved is not null)
            {
                result.Add(resolved);
            }
        }

        return [.. result];
    }

    private static ChatTokenLogprob[]? ReadLogprobs(Models.ChatCompletionLogprobs? logprobs) =>
        logprobs?.Content is not { } content
            ? null
            : [.. content.Select(static item => new ChatTokenLogprob(
                item.Token ?? string.Empty,
                item.Logprob,
                item.TopLogprobs is { } top ? [.. top.Select(static t => new ChatTopLogprob(t.Token ?? string.Empty, t.Logprob))] : []))];
}
