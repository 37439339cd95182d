// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using System.Text;

namespace Tgi.Sdk.Benchmarks.Payloads;

/// <summary>
/// The SSE bodies the in-memory benchmarks replay, built in code (deterministic) in TGI 3.3's exact framing
/// (tgi/API.md §4 and §5.3): <c>data: {json}\n\n</c>, compact JSON in serde key order.
/// </summary>
internal static class StreamPayloads
{
    /// <summary>Tokens per stream: every per-token figure divides one operation by this.</summary>
    public const int Tokens = 10_000;

    public const string ModelId = "meta-llama/Llama-3.1-8B-Instruct";

    private const long Created = 1_764_000_000;

    private static readonly Lazy<byte[]> s_generate = new(() => BuildGenerateStream(Tokens));
    private static readonly Lazy<byte[]> s_chat = new(() => BuildChatStream(Tokens));

    /// <summary>A <c>/generate_stream</c> body: one event per token; the last carries generated_text and details.</summary>
    public static byte[] GenerateStream => s_generate.Value;

    /// <summary>A chat stream: one chunk per token, the finish chunk, the usage chunk, then <c>[DONE]</c>.</summary>
    public static byte[] ChatStream => s_chat.Value;

    public static byte[] BuildGenerateStream(int tokens)
    {
        var sb = new StringBuilder(tokens * 120);
        var text = new StringBuilder(tokens * 5);
        for (int i = 0; i < tokens - 1; i++)
        {
            string piece = TokenTextSource.Piece(i);
            text.Append(piece);
            AppendGenerateEvent(sb, i, TokenTextSource.Id(i), piece, special: false);
            sb.Append("\"generated_text\":null,\"details\":null}\n\n");
        }

        // TGI: the EOS token is special, its text is left out of generated_text, and it is the only event with details.
        AppendGenerateEvent(sb, tokens - 1, 2, "</s>", special: true);
        sb.Append("\"generated_text\":");
        JsonText.AppendString(sb, text.ToString());
        sb.Append(CultureInfo.InvariantCulture,
            $",\"details\":{{\"finish_reason\":\"eos_token\",\"generated_tokens\":{tokens},\"seed\":null,\"input_length\":7}}}}\n\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    public static byte[] BuildChatStream(int tokens)
    {
        var sb = new StringBuilder(tokens * 260);
        for (int i = 0; i < tokens - 1; i++)
        {
            AppendChatChunk(sb, TokenTextSource.Piece(i), "null");
        }

        // TGI: EOS gives an empty-content chunk carrying finish_reason, then (include_usage) a choices:[] usage chunk.
        AppendChatChunk(sb, string.Empty, "\"stop\"");
        AppendChatPrefix(sb);
        sb.Append(CultureInfo.InvariantCulture,
            $"\"choices\":[],\"usage\":{{\"prompt_tokens\":39,\"completion_tokens\":{tokens},\"total_tokens\":{tokens + 39}}}}}\n\n");
        sb.Append("data: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static void AppendGenerateEvent(StringBuilder sb, int i, int id, string piece, bool special)
    {
        sb.Append(CultureInfo.InvariantCulture, $"data: {{\"index\":{i + 1},\"token\":{{\"id\":{id},\"text\":");
        JsonText.AppendString(sb, piece);
        sb.Append(",\"logprob\":").Append(JsonText.Float(TokenTextSource.Logprob(i)));
        sb.Append(special ? ",\"special\":true}," : ",\"special\":false},");
    }

    private static void AppendChatChunk(StringBuilder sb, string content, string finishReason)
    {
        AppendChatPrefix(sb);
        sb.Append("\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":");
        JsonText.AppendString(sb, content);
        sb.Append("},\"logprobs\":null,\"finish_reason\":").Append(finishReason).Append("}],\"usage\":null}\n\n");
    }

    private static void AppendChatPrefix(StringBuilder sb) =>
        sb.Append(CultureInfo.InvariantCulture,
            $"data: {{\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":{Created},\"model\":\"{ModelId}\",\"system_fingerprint\":\"3.3.6-dev0-native\",");
}
