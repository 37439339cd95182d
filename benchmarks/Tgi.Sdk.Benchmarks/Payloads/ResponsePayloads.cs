// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using System.Text;

namespace Tgi.Sdk.Benchmarks.Payloads;

/// <summary>Non-streaming bodies (tgi/API.md §4 and §5.2): a /generate response with details and a chat completion.</summary>
internal static class ResponsePayloads
{
    /// <summary>Generated tokens in each non-streaming response.</summary>
    public const int Tokens = 256;

    private static readonly Lazy<byte[]> s_generate = new(BuildGenerate);
    private static readonly Lazy<byte[]> s_chat = new(BuildChat);

    public static byte[] Generate => s_generate.Value;

    public static byte[] Chat => s_chat.Value;

    private static string Text()
    {
        var text = new StringBuilder();
        for (int i = 0; i < Tokens; i++)
        {
            text.Append(TokenTextSource.Piece(i));
        }

        return text.ToString();
    }

    private static byte[] BuildGenerate()
    {
        var sb = new StringBuilder();
        sb.Append("{\"generated_text\":");
        JsonText.AppendString(sb, Text());
        sb.Append(CultureInfo.InvariantCulture,
            $",\"details\":{{\"finish_reason\":\"length\",\"generated_tokens\":{Tokens},\"seed\":null,\"prefill\":[],\"tokens\":[");
        for (int i = 0; i < Tokens; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(CultureInfo.InvariantCulture, $"{{\"id\":{TokenTextSource.Id(i)},\"text\":");
            JsonText.AppendString(sb, TokenTextSource.Piece(i));
            sb.Append(",\"logprob\":").Append(JsonText.Float(TokenTextSource.Logprob(i))).Append(",\"special\":false}");
        }

        sb.Append("]}}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] BuildChat()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"{{\"object\":\"chat.completion\",\"id\":\"\",\"created\":1764000000,\"model\":\"{StreamPayloads.ModelId}\",\"system_fingerprint\":\"3.3.6-dev0-native\",");
        sb.Append("\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":");
        JsonText.AppendString(sb, Text());
        sb.Append(CultureInfo.InvariantCulture,
            $"}},\"logprobs\":null,\"finish_reason\":\"length\"}}],\"usage\":{{\"prompt_tokens\":39,\"completion_tokens\":{Tokens},\"total_tokens\":{Tokens + 39}}}}}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
