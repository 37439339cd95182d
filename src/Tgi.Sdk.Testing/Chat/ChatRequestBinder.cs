// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>Binds <c>ChatRequest</c> as serde does, including the requests TGI rejects with a plain-text 422.</summary>
internal static class ChatRequestBinder
{
    public static ChatRequest Bind(JsonElement root, WireProfile profile)
    {
        JsonPath path = JsonPath.Root;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw JsonFields.Invalid(root, "struct ChatRequest", path);
        }

        var request = new ChatRequest
        {
            Model = profile.ModelRequired ? JsonFields.RequiredString(root, "model", path) : JsonFields.OptionalString(root, "model", path),
        };

        if (!root.TryGetProperty("messages", out JsonElement messages))
        {
            throw new BindException(path, "missing field `messages`");
        }

        BindMessages(messages, path.Property("messages"), profile, request);

        // TGI: §12 max_completion_tokens is an alias of max_tokens from 3.0.2; before, an unknown field (ignored).
        request.MaxTokens = JsonFields.OptionalU32(root, "max_tokens", path)
            ?? (profile.MaxCompletionTokens ? JsonFields.OptionalU32(root, "max_completion_tokens", path) : null);
        request.Temperature = JsonFields.OptionalF32(root, "temperature", path);
        request.TopP = JsonFields.OptionalF32(root, "top_p", path);
        request.FrequencyPenalty = JsonFields.OptionalF32(root, "frequency_penalty", path);
        request.PresencePenalty = JsonFields.OptionalF32(root, "presence_penalty", path);
        request.Stop = JsonFields.StringList(root, "stop", path, nullable: true);
        request.Seed = JsonFields.OptionalU64(root, "seed", path);
        request.Logprobs = JsonFields.OptionalBool(root, "logprobs", path) ?? false;
        request.TopLogprobs = JsonFields.OptionalU32(root, "top_logprobs", path);
        _ = JsonFields.OptionalU32(root, "n", path);

        // TGI: §2.2 logit_bias is typed float[]; an OpenAI-style object is a 422.
        JsonFields.OptionalFloatList(root, "logit_bias", path);
        request.Stream = JsonFields.DefaultedBool(root, "stream", path, defaultValue: false);
        BindStreamOptions(root, path, profile, request);
        BindTools(root, path, request);
        BindToolChoice(root, path, profile, request);
        request.ToolPrompt = JsonFields.OptionalString(root, "tool_prompt", path);

        // TGI: §12 response_format does not exist in 1.4.x–2.0.x: an unknown field, ignored.
        request.ResponseFormat = profile.ResponseFormat ? GrammarBinder.Bind(root, "response_format", path, profile) : null;
        return request;
    }

    private static void BindMessages(JsonElement messages, JsonPath path, WireProfile profile, ChatRequest request)
    {
        if (messages.ValueKind != JsonValueKind.Array)
        {
            throw JsonFields.Invalid(messages, "a sequence", path);
        }

        int index = 0;
        foreach (JsonElement message in messages.EnumerateArray())
        {
            JsonPath at = path.Index(index++);
            if (message.ValueKind != JsonValueKind.Object)
            {
                throw JsonFields.Invalid(message, "struct Message", at);
            }

            string role = JsonFields.RequiredString(message, "role", at);
            _ = JsonFields.OptionalString(message, "name", at);
            string content;
            if (profile.LegacyReplayedToolCalls)
            {
                content = LegacyContent(message, at, profile);
            }
            else if (profile.MessageContentRequired)
            {
                // TGI: §12 2.0.4–3.1.0 Message has a required content and no tool_calls field.
                if (!message.TryGetProperty("content", out JsonElement required))
                {
                    throw new BindException(at, "missing field `content`");
                }

                content = required.ValueKind == JsonValueKind.Null
                    ? throw new BindException(at.Property("content"), "data did not match any variant of untagged enum MessageContent")
                    : ContentText(required, at.Property("content"));
            }
            else if (message.TryGetProperty("content", out JsonElement body) && body.ValueKind != JsonValueKind.Null)
            {
                // TGI: a string content wins over tool_calls.
                content = ContentText(body, at.Property("content"));
            }
            else if (message.TryGetProperty("tool_calls", out JsonElement calls) && calls.ValueKind == JsonValueKind.Array)
            {
                content = calls.GetRawText();
                foreach (JsonElement call in calls.EnumerateArray())
                {
                    long? id = null;
                    if (call.ValueKind == JsonValueKind.Object && call.TryGetProperty("id", out JsonElement idElement))
                    {
                        string? text = idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : idElement.GetRawText();
                        id = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) ? parsed : null;
                    }

                    request.EarlierToolCallIds.Add(id);
                }
            }
            else
            {
                // TGI: an assistant message with content null and no tool_calls matches no MessageBody variant.
                throw new BindException(at, "data did not match any variant of untagged enum MessageBody");
            }

            request.Messages.Add(new TgiChatMessage(role, content));
        }
    }

    /// <summary>
    /// TGI ≤2.0.3: content is an optional string, and a replayed <c>tool_calls</c> entry is
    /// <c>{id: u32, type, function: {description?, name, parameters}}</c> (1.4.3: one object, not a list).
    /// </summary>
    private static string LegacyContent(JsonElement message, JsonPath at, WireProfile profile)
    {
        // TGI 2.0.2 added a content deserializer that also takes the chunk array.
        string content = JsonFields.IsPresentNotNull(message, "content", out JsonElement body) && body.ValueKind == JsonValueKind.Array
            && profile.Version >= new Version(2, 0, 2)
            ? ContentText(body, at.Property("content"))
            : JsonFields.OptionalString(message, "content", at) ?? string.Empty;
        if (!JsonFields.IsPresentNotNull(message, "tool_calls", out JsonElement calls))
        {
            return content;
        }

        JsonPath callsPath = at.Property("tool_calls");
        bool single = profile.Version < new Version(1, 4, 4);
        if (single)
        {
            BindLegacyToolCall(calls, callsPath);
        }
        else if (calls.ValueKind != JsonValueKind.Array)
        {
            throw JsonFields.Invalid(calls, "a sequence", callsPath);
        }
        else
        {
            int index = 0;
            foreach (JsonElement call in calls.EnumerateArray())
            {
                BindLegacyToolCall(call, callsPath.Index(index++));
            }
        }

        return content.Length > 0 ? content : calls.GetRawText();
    }

    private static void BindLegacyToolCall(JsonElement call, JsonPath at)
    {
        if (call.ValueKind != JsonValueKind.Object)
        {
            throw JsonFields.Invalid(call, "struct ToolCall", at);
        }

        if (!call.TryGetProperty("id", out JsonElement id))
        {
            throw new BindException(at, "missing field `id`");
        }

        _ = JsonFields.OptionalU32(call, "id", at) ?? throw JsonFields.Invalid(id, "u32", at.Property("id"));
        _ = JsonFields.RequiredString(call, "type", at);
        if (!call.TryGetProperty("function", out JsonElement function))
        {
            throw new BindException(at, "missing field `function`");
        }

        JsonPath functionPath = at.Property("function");
        if (function.ValueKind != JsonValueKind.Object)
        {
            throw JsonFields.Invalid(function, "struct FunctionDefinition", functionPath);
        }

        _ = JsonFields.OptionalString(function, "description", functionPath);
        _ = JsonFields.RequiredString(function, "name", functionPath);
        if (!function.TryGetProperty("parameters", out _))
        {
            throw new BindException(functionPath, "missing field `parameters`");
        }
    }

    // TGI: text chunks are concatenated; images become ![](url).
    private static string ContentText(JsonElement body, JsonPath path)
    {
        if (body.ValueKind == JsonValueKind.String)
        {
            return body.GetString()!;
        }

        if (body.ValueKind != JsonValueKind.Array)
        {
            throw new BindException(path, "data did not match any variant of untagged enum MessageContent");
        }

        var text = new StringBuilder();
        foreach (JsonElement chunk in body.EnumerateArray())
        {
            string? type = chunk.ValueKind == JsonValueKind.Object && chunk.TryGetProperty("type", out JsonElement t) ? t.GetString() : null;
            if (type == "text" && chunk.TryGetProperty("text", out JsonElement chunkText) && chunkText.ValueKind == JsonValueKind.String)
            {
                text.Append(chunkText.GetString());
            }
            else if (type == "image_url" && chunk.TryGetProperty("image_url", out JsonElement image) && image.ValueKind == JsonValueKind.Object
                && image.TryGetProperty("url", out JsonElement url) && url.ValueKind == JsonValueKind.String)
            {
                text.Append("![](").Append(url.GetString()).Append(')');
            }
            else
            {
                throw new BindException(path, "data did not match any variant of untagged enum MessageContent");
            }
        }

        return text.ToString();
    }

    private static void BindStreamOptions(JsonElement root, JsonPath path, WireProfile profile, ChatRequest request)
    {
        if (!root.TryGetProperty("stream_options", out JsonElement options))
        {
            return;
        }

        JsonPath at = path.Property("stream_options");
        if (options.ValueKind == JsonValueKind.Null)
        {
            // TGI: §2.2 ≥3.2 stream_options is a non-Option struct, so null is a 422.
            if (profile.StreamOptionsNullRejected)
            {
                throw JsonFields.Invalid(options, "struct StreamOptions", at);
            }

            return;
        }

        if (options.ValueKind != JsonValueKind.Object)
        {
            throw JsonFields.Invalid(options, "struct StreamOptions", at);
        }

        if (!profile.StreamOptionsNullRejected && !options.TryGetProperty("include_usage", out _))
        {
            // TGI <3.3: include_usage was required.
            throw new BindException(at, "missing field `include_usage`");
        }

        request.IncludeUsage = JsonFields.DefaultedBool(options, "include_usage", at, defaultValue: false);
    }

    private static void BindTools(JsonElement root, JsonPath path, ChatRequest request)
    {
        if (!JsonFields.IsPresentNotNull(root, "tools", out JsonElement tools))
        {
            return;
        }

        JsonPath at = path.Property("tools");
        if (tools.ValueKind != JsonValueKind.Array)
        {
            throw JsonFields.Invalid(tools, "a sequence", at);
        }

        request.Tools = [];
        int index = 0;
        foreach (JsonElement tool in tools.EnumerateArray())
        {
            JsonPath toolPath = at.Index(index++);
            if (tool.ValueKind != JsonValueKind.Object)
            {
                throw JsonFields.Invalid(tool, "struct Tool", toolPath);
            }

            _ = JsonFields.RequiredString(tool, "type", toolPath);
            if (!tool.TryGetProperty("function", out JsonElement function))
            {
                throw new BindException(toolPath, "missing field `function`");
            }

            JsonPath functionPath = toolPath.Property("function");
            if (function.ValueKind != JsonValueKind.Object)
            {
                throw JsonFields.Invalid(function, "struct FunctionDefinition", functionPath);
            }

            string name = JsonFields.RequiredString(function, "name", functionPath);
            string? description = JsonFields.OptionalString(function, "description", functionPath);

            // TGI: the schema is accepted under "arguments" or its alias "parameters", and is required.
            if (!function.TryGetProperty("parameters", out JsonElement parameters) && !function.TryGetProperty("arguments", out parameters))
            {
                throw new BindException(functionPath, "missing field `arguments`");
            }

            request.Tools.Add(new TgiRequestedTool(name, description, parameters.Clone()));
        }
    }

    private static void BindToolChoice(JsonElement root, JsonPath path, WireProfile profile, ChatRequest request)
    {
        if (!JsonFields.TryGet(root, "tool_choice", out JsonElement choice))
        {
            return;
        }

        if (choice.ValueKind == JsonValueKind.Null)
        {
            // TGI: ≤2.1.x tool_choice's own deserializer maps a present null to "one of the tools" (auto).
            request.ToolChoice = profile.ToolsNeedToolChoice ? "auto" : null;
            return;
        }

        if (choice.ValueKind == JsonValueKind.String)
        {
            request.ToolChoice = choice.GetString();
            return;
        }

        JsonPath at = path.Property("tool_choice");
        if (choice.ValueKind == JsonValueKind.Object && profile.ObjectToolChoice
            && choice.TryGetProperty("function", out JsonElement function) && function.ValueKind == JsonValueKind.Object)
        {
            request.ToolChoice = JsonFields.RequiredString(function, "name", at.Property("function"));
            request.ToolChoiceIsObject = true;
            return;
        }

        if (profile.ToolsNeedToolChoice && profile.ObjectToolChoice)
        {
            // TGI: ≤2.1.x a hand-written deserializer: an object needs function.name, anything else is a bad token.
            throw new BindException(at, choice.ValueKind == JsonValueKind.Object ? "function key not found in tool choice" : "invalid token format");
        }

        throw new BindException(at, "data did not match any variant of untagged enum ToolType");
    }
}
