// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Buffers;
using System.Text;
using System.Text.Json;
using Tgi.Sdk.Chat;

namespace Tgi.Sdk.Internal;

/// <summary>
/// Turns the tool-call shapes of every TGI version into plain calls (real function name, arguments JSON), and TGI's
/// hidden "no tool" functions into plain content.
/// </summary>
/// <remarks>
/// TGI: the model writes <c>{"function": {"_name": "NAME", …arguments}}</c> under the tool
/// grammar. 1.4–2.0.0 returned that whole object as <c>parameters</c> of a function named <c>tools</c>; 2.0.4–3.1
/// streamed it (plus the EOS text, <c>&lt;/s&gt;</c> or <c>&lt;|eot_id|&gt;</c>) as the arguments of a call with no name;
/// ≥3.2 sends the real name and clean arguments. The hidden <c>notify_error</c> (2.0.1–2.3, an <c>error</c> argument)
/// and <c>no_tool</c> (2.4+, a <c>content</c> argument) mean "no tool": their text is the answer.
/// </remarks>
internal static class ToolCallResolver
{
    /// <summary>TGI's hidden "no tool" function (2.4+).</summary>
    public const string NoToolName = "no_tool";

    /// <summary>TGI's hidden error function (2.0.1–2.3).</summary>
    public const string NotifyErrorName = "notify_error";

    /// <summary>The function name 1.4–2.0.0 reported for every call.</summary>
    public const string LegacyToolsName = "tools";

    /// <summary>Resolves one call: either a tool call, or the content of a "no tool" answer.</summary>
    /// <param name="id">The call id.</param>
    /// <param name="name">The function name; null or empty on ≤3.1 streams.</param>
    /// <param name="arguments">The arguments text (concatenated fragments when streamed).</param>
    /// <param name="call">The call, when it is one.</param>
    /// <param name="content">The answer text, when it is a "no tool" answer.</param>
    public static void Resolve(string? id, string? name, string? arguments, out ChatToolCall? call, out string? content)
    {
        call = null;
        content = null;
        string text = arguments ?? string.Empty;
        if ((string.IsNullOrEmpty(name) || name == LegacyToolsName) && TryReadGrammarOutput(text, out string? grammarName, out string? grammarArguments))
        {
            name = grammarName;
            text = grammarArguments!;
        }
        else if (string.IsNullOrEmpty(name) && TryFindName(text) is { } found)
        {
            // Broken grammar JSON (for example cut by max_tokens): keep the raw text, which fails to parse later.
            name = found;
        }

        if (name is NoToolName or NotifyErrorName)
        {
            content = StringMember(text, name == NoToolName ? "content" : "error") ?? text;
            return;
        }

        call = new ChatToolCall(id, name ?? string.Empty, arguments is null ? null : DropCommaAfterOpeningBrace(text));
    }

    /// <summary>
    /// TGI (≥3.2) opens streamed arguments with <c>{</c> once the function name is parsed, then streams the rest of the
    /// grammar output as raw tokens. When the model's tokenizer does not fold the comma after the name into
    /// the name's closing token, that comma arrives too (<c>{, "city": "Paris"}</c>): drop it so the JSON parses.
    /// </summary>
    private static string DropCommaAfterOpeningBrace(string arguments)
    {
        ReadOnlySpan<char> text = arguments.AsSpan().TrimStart();
        if (text.Length > 1 && text[0] == '{')
        {
            ReadOnlySpan<char> rest = text[1..].TrimStart();
            if (rest.Length > 0 && rest[0] == ',')
            {
                return string.Concat("{", rest[1..]);
            }
        }

        return arguments;
    }

    /// <summary>
    /// Renders a call the way the model wrote it under TGI's tool grammar (used to replay a tool turn as text to
    /// servers older than 3.1.1, which need <c>content</c>).
    /// </summary>
    /// <param name="call">The call.</param>
    /// <returns>The grammar text.</returns>
    public static string ToGrammarText(ChatToolCall call)
    {
        ArrayBufferWriter<byte> buffer = new(128);
        using (Utf8JsonWriter writer = new(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("function"u8);
            writer.WriteString("_name"u8, call.FunctionName);
            try
            {
                using JsonDocument document = JsonDocument.Parse(call.ArgumentsJson);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (JsonProperty property in document.RootElement.EnumerateObject())
                    {
                        property.WriteTo(writer);
                    }
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // Arguments that are not JSON (or hold a lone surrogate escape) are replayed by name only.
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads <c>{"function": {"_name", …}}</c> (or a bare <c>{"_name", …}</c>), ignoring text after it (the EOS).</summary>
    private static bool TryReadGrammarOutput(string text, out string? name, out string? arguments)
    {
        try
        {
            return TryReadGrammarOutputCore(text, out name, out arguments);
        }
        catch (InvalidOperationException)
        {
            // A "_name" (or an argument) with a lone surrogate escape: not readable grammar output; the raw text stays.
            name = null;
            arguments = null;
            return false;
        }
    }

    private static bool TryReadGrammarOutputCore(string text, out string? name, out string? arguments)
    {
        name = null;
        arguments = null;
        if (!TryParseFirstValue(text, out JsonDocument? document))
        {
            return false;
        }

        using (document)
        {
            JsonElement root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            JsonElement function = root.TryGetProperty("function", out JsonElement f) && f.ValueKind == JsonValueKind.Object ? f : root;
            if (!function.TryGetProperty("_name", out JsonElement n) || n.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            name = n.GetString();
            ArrayBufferWriter<byte> buffer = new(128);
            using (Utf8JsonWriter writer = new(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                foreach (JsonProperty property in function.EnumerateObject())
                {
                    if (!property.NameEquals("_name"u8))
                    {
                        property.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
            }

            arguments = Encoding.UTF8.GetString(buffer.WrittenSpan);
            return true;
        }
    }

    private static bool TryParseFirstValue(string text, out JsonDocument? document)
    {
        document = null;
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        try
        {
            Utf8JsonReader reader = new(bytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            document = JsonDocument.Parse(bytes.AsMemory(0, (int)reader.BytesConsumed));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Finds <c>"_name": "x"</c> in text that is not valid JSON.</summary>
    private static string? TryFindName(string text)
    {
        int key = text.IndexOf("\"_name\"", StringComparison.Ordinal);
        if (key < 0)
        {
            return null;
        }

        int open = text.IndexOf('"', key + 7);
        int close = open < 0 ? -1 : text.IndexOf('"', open + 1);
        return close < 0 ? null : text[(open + 1)..close];
    }

    private static string? StringMember(string json, string member)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(member, out JsonElement value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string with a lone surrogate escape, which .NET strings cannot hold as UTF-8 text.
            return null;
        }
    }
}
