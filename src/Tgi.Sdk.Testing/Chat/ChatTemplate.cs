// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>
/// The emulator's chat template: <c>&lt;|role|&gt;\ncontent&lt;/s&gt;\n</c> per message, the tools and tool_prompt
/// (TGI's default tool prompt) before the assistant turn, then <c>&lt;|assistant|&gt;\n</c>. A final assistant message
/// is continued (≥3.0): it gets no end marker and no new assistant turn.
/// </summary>
internal static class ChatTemplate
{
    public const string DefaultToolPrompt =
        "\nGiven the functions available, please respond with a JSON for a function call with its proper arguments that best answers the given prompt. Respond in the format {name: function name, parameters: dictionary of argument name and its value}.Do not use variables.\n";

    public static string Apply(IReadOnlyList<TgiChatMessage> messages, IReadOnlyList<TgiRequestedTool> tools, string? toolPrompt, bool continueFinalAssistant)
    {
        var text = new StringBuilder();
        bool continuing = continueFinalAssistant && messages.Count > 0 && messages[^1].Role == "assistant";
        for (int i = 0; i < messages.Count; i++)
        {
            TgiChatMessage message = messages[i];
            text.Append("<|").Append(message.Role).Append("|>\n").Append(message.Content);
            if (!(continuing && i == messages.Count - 1))
            {
                text.Append("</s>\n");
            }
        }

        if (continuing)
        {
            return text.ToString();
        }

        if (tools.Count > 0)
        {
            text.Append("<|tools|>\n").Append(ToolsJson(tools));
            text.Append(string.IsNullOrEmpty(toolPrompt) ? DefaultToolPrompt : toolPrompt).Append("</s>\n");
        }

        text.Append("<|assistant|>\n");
        return text.ToString();
    }

    private static string ToolsJson(IReadOnlyList<TgiRequestedTool> tools)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonResponses.WriterOptions))
        {
            writer.WriteStartArray();
            foreach (TgiRequestedTool tool in tools)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "function");
                writer.WriteStartObject("function");
                writer.WriteString("name", tool.Name);
                if (tool.Description is { } description)
                {
                    writer.WriteString("description", description);
                }

                writer.WritePropertyName("parameters");
                tool.Parameters.WriteTo(writer);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
