// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Sdk.Chat;

namespace Tgi.Sdk.Internal;

/// <summary>Writes <c>ChatRequest</c> bodies and reads <c>ChatCompletion</c> bodies (API.md §5).</summary>
internal static class ChatWire
{
    /// <summary>Writes a chat request with only the fields the caller set.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="messages">The messages.</param>
    /// <param name="o">The options, or null.</param>
    /// <param name="stream">Whether this is a streaming request.</param>
    public static void WriteRequest(Utf8JsonWriter w, IReadOnlyList<ChatMessage> messages, ChatCompletionOptions? o, bool stream)
    {
        w.WriteStartObject();
        if (o?.Model is { } model)
        {
            w.WriteString("model"u8, model);
        }

        w.WriteStartArray("messages"u8);
        foreach (ChatMessage message in messages)
        {
            WriteMessage(w, message);
        }

        w.WriteEndArray();
        if (o is not null)
        {
            WriteOptions(w, o, stream);
        }

        if (stream)
        {
            w.WriteBoolean("stream"u8, true);
        }

        w.WriteEndObject();
    }

    /// <summary>Reads a non-streamed chat completion.</summary>
    public static ChatCompletion ReadCompletion(JsonElement e)
    {
        ChatRole role = ChatRole.Assistant;
        string? content = null;
        IReadOnlyList<ChatToolCall> toolCalls = [];
        FinishReason? finishReason = null;
        IReadOnlyList<ChatTokenLogprob>? logprobs = null;
        if (e.TryGetProperty("choices", out JsonElement choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
        {
            // TGI: always exactly one choice (API.md §5.2).
            JsonElement choice = choices[0];
            if (choice.TryGetProperty("message", out JsonElement message) && message.ValueKind == JsonValueKind.Object)
            {
                if (Json.String(message, "role") is { } r)
                {
                    role = new ChatRole(r);
                }

                content = Json.String(message, "content");
                toolCalls = ReadToolCalls(message, ref content);
            }

            finishReason = Vocabulary.FinishReasonFrom(Json.String(choice, "finish_reason"));
            logprobs = ReadLogprobs(choice);
        }

        return new ChatCompletion(
            Json.String(e, "id") ?? string.Empty,
            Json.String(e, "model") ?? string.Empty,
            DateTimeOffset.FromUnixTimeSeconds(Json.Long(e, "created")),
            Json.String(e, "system_fingerprint"),
            role,
            content,
            toolCalls,
            finishReason,
            ReadUsage(e),
            logprobs);
    }

    /// <summary>Reads <c>usage</c>, or null.</summary>
    public static TokenUsage? ReadUsage(JsonElement e) =>
        e.TryGetProperty("usage", out JsonElement u) && u.ValueKind == JsonValueKind.Object
            ? new TokenUsage(Json.Int(u, "prompt_tokens"), Json.Int(u, "completion_tokens"), Json.Int(u, "total_tokens"))
            : null;

    private static void WriteOptions(Utf8JsonWriter w, ChatCompletionOptions o, bool stream)
    {
        if (o.MaxTokens is { } maxTokens)
        {
            w.WriteNumber("max_tokens"u8, maxTokens);
        }

        if (o.Temperature is { } temperature)
        {
            w.WriteNumber("temperature"u8, temperature);
        }

        WireRules.WriteTopP(w, o.TopP);

        if (o.FrequencyPenalty is { } frequency)
        {
            w.WriteNumber("frequency_penalty"u8, frequency);
        }

        // TGI: presence_penalty becomes repetition_penalty = presence_penalty + 2.0 (API.md §5.1): never sent by default.
        if (o.PresencePenalty is { } presence)
        {
            w.WriteNumber("presence_penalty"u8, presence);
        }

        WireRules.WriteStop(w, o.StopSequences);

        if (o.Seed is { } seed)
        {
            w.WriteNumber("seed"u8, seed);
        }

        if (o.Logprobs is { } logprobs)
        {
            w.WriteBoolean("logprobs"u8, logprobs);
        }

        if (o.TopLogprobs is { } topLogprobs)
        {
            w.WriteNumber("top_logprobs"u8, topLogprobs);
        }

        // TGI ≥3.2: stream_options is a non-nullable struct, so it is written only as an object, only when streaming.
        if (stream && o.IncludeUsage is { } includeUsage)
        {
            w.WriteStartObject("stream_options"u8);
            w.WriteBoolean("include_usage"u8, includeUsage);
            w.WriteEndObject();
        }

        if (o.Tools.Count > 0)
        {
            w.WriteStartArray("tools"u8);
            foreach (ChatTool tool in o.Tools)
            {
                w.WriteStartObject();
                w.WriteString("type"u8, "function"u8);
                w.WriteStartObject("function"u8);
                w.WriteString("name"u8, tool.FunctionName);
                if (tool.FunctionDescription is { } description)
                {
                    w.WriteString("description"u8, description);
                }

                // TGI: "parameters" (or "arguments") is required (API.md §2.2).
                w.WritePropertyName("parameters"u8);
                if (tool.FunctionParameters.ValueKind == JsonValueKind.Undefined)
                {
                    w.WriteStartObject();
                    w.WriteEndObject();
                }
                else
                {
                    tool.FunctionParameters.WriteTo(w);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (o.ToolChoice is { } choice)
        {
            if (choice.Keyword is { } keyword)
            {
                w.WriteString("tool_choice"u8, keyword);
            }
            else
            {
                // TGI ≥2.4.1: the OpenAI object form.
                w.WriteStartObject("tool_choice"u8);
                w.WriteString("type"u8, "function"u8);
                w.WriteStartObject("function"u8);
                w.WriteString("name"u8, choice.FunctionName);
                w.WriteEndObject();
                w.WriteEndObject();
            }
        }

        if (o.ToolPrompt is { } toolPrompt)
        {
            w.WriteString("tool_prompt"u8, toolPrompt);
        }

        if (o.ResponseFormat is { } format)
        {
            w.WritePropertyName("response_format"u8);
            format.WriteTo(w);
        }
    }

    private static void WriteMessage(Utf8JsonWriter w, ChatMessage m)
    {
        w.WriteStartObject();
        w.WriteString("role"u8, m.Role.ToString());
        if (m.ContentParts.Count > 0)
        {
            w.WriteStartArray("content"u8);
            foreach (ChatContentPart part in m.ContentParts)
            {
                w.WriteStartObject();
                if (part.Kind == ChatContentPartKind.Text)
                {
                    w.WriteString("type"u8, "text"u8);
                    w.WriteString("text"u8, part.Text);
                }
                else
                {
                    w.WriteString("type"u8, "image_url"u8);
                    w.WriteStartObject("image_url"u8);
                    w.WriteString("url"u8, part.ImageUrl);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        else if (m.Content is { } content)
        {
            w.WriteString("content"u8, content);
        }

        // TGI ≥3.1.1: an assistant turn with tool_calls and no content; a string content would win over the
        // tool calls, so none is written (API.md §5.1, §11.8).
        if (m.ToolCalls.Count > 0)
        {
            w.WriteStartArray("tool_calls"u8);
            foreach (ChatToolCall call in m.ToolCalls)
            {
                w.WriteStartObject();
                w.WriteString("id"u8, call.Id);
                w.WriteString("type"u8, "function"u8);
                w.WriteStartObject("function"u8);
                w.WriteString("name"u8, call.FunctionName);
                w.WriteString("arguments"u8, call.ArgumentsJson);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (m.ToolCallId is { } toolCallId)
        {
            w.WriteString("tool_call_id"u8, toolCallId);
        }

        if (m.Name is { } name)
        {
            w.WriteString("name"u8, name);
        }

        w.WriteEndObject();
    }

    private static ChatToolCall[] ReadToolCalls(JsonElement message, ref string? content)
    {
        if (!message.TryGetProperty("tool_calls", out JsonElement calls))
        {
            return [];
        }

        if (calls.ValueKind == JsonValueKind.Object)
        {
            return ReadToolCall(calls, ref content) is { } single ? [single] : [];
        }

        if (calls.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        List<ChatToolCall> result = new(calls.GetArrayLength());
        foreach (JsonElement call in calls.EnumerateArray())
        {
            if (ReadToolCall(call, ref content) is { } read)
            {
                result.Add(read);
            }
        }

        return [.. result];
    }

    private static ChatToolCall? ReadToolCall(JsonElement call, ref string? content)
    {
        // TGI: id is an int on ≤2.0.3 and a string after; arguments is an object before 3.2 and a string after;
        // 1.4–2.0.0 named it "parameters" and the function "tools", with the real name in "_name" (API.md §5.5).
        string? id = Json.StringOrNumber(call, "id");
        string name = string.Empty;
        string? arguments = null;
        if (call.TryGetProperty("function", out JsonElement function) && function.ValueKind == JsonValueKind.Object)
        {
            name = Json.String(function, "name") ?? string.Empty;
            arguments = Json.StringOrRaw(function, "arguments") ?? Json.StringOrRaw(function, "parameters");
        }

        // TGI 2.0.1–2.3: the hidden notify_error "tool" is the model's answer, not a call (API.md §5.5).
        ToolCallResolver.Resolve(id, name, arguments, out ChatToolCall? resolved, out string? text);
        if (text is not null)
        {
            content ??= text;
        }

        return resolved;
    }

    private static ChatTokenLogprob[]? ReadLogprobs(JsonElement choice)
    {
        if (!choice.TryGetProperty("logprobs", out JsonElement logprobs) || logprobs.ValueKind != JsonValueKind.Object
            || !logprobs.TryGetProperty("content", out JsonElement content) || content.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        ChatTokenLogprob[] result = new ChatTokenLogprob[content.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in content.EnumerateArray())
        {
            ChatTopLogprob[] top = [];
            if (item.TryGetProperty("top_logprobs", out JsonElement topArray) && topArray.ValueKind == JsonValueKind.Array)
            {
                top = new ChatTopLogprob[topArray.GetArrayLength()];
                int j = 0;
                foreach (JsonElement t in topArray.EnumerateArray())
                {
                    top[j++] = new ChatTopLogprob(Json.String(t, "token") ?? string.Empty, Json.NullableSingle(t, "logprob"));
                }
            }

            result[i++] = new ChatTokenLogprob(Json.String(item, "token") ?? string.Empty, Json.NullableSingle(item, "logprob"), top);
        }

        return result;
    }
}
