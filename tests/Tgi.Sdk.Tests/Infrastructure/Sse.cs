// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;

namespace Tgi.Sdk.Tests.Infrastructure;

/// <summary>Builds SSE payloads the way TGI frames them.</summary>
internal static class Sse
{
    /// <summary>Frames each data item as <c>data: x</c> + blank line with the given newline and optional space.</summary>
    public static string Frame(IEnumerable<string> data, string newline = "\n", bool space = true)
    {
        StringBuilder text = new();
        foreach (string d in data)
        {
            text.Append(space ? "data: " : "data:").Append(d).Append(newline).Append(newline);
        }

        return text.ToString();
    }

    /// <summary>A /generate_stream token event (TGI key order, API.md §4).</summary>
    public static string Token(int index, int id, string textJson, string? generatedTextJson = null, string? detailsJson = null, bool special = false) =>
        $"{{\"index\":{index},\"token\":{{\"id\":{id},\"text\":{textJson},\"logprob\":-0.5,\"special\":{(special ? "true" : "false")}}},\"generated_text\":{generatedTextJson ?? "null"},\"details\":{detailsJson ?? "null"}}}";

    /// <summary>A three-token /generate_stream: " The", " cat", EOS with generated_text and details.</summary>
    public static string[] ThreeTokenGenerate() =>
    [
        Token(1, 578, "\" The\""),
        Token(2, 1919, "\" cat\\n\\\"q\\\"\""),
        Token(3, 2, "\"</s>\"", "\" The cat\\n\\\"q\\\"\"", "{\"finish_reason\":\"eos_token\",\"generated_tokens\":3,\"seed\":null,\"input_length\":7}", special: true),
    ];

    /// <summary>A chat chunk (TGI ≥3.2 shape).</summary>
    public static string ChatChunk(string? contentJson, string? finishReason = null, string? usageJson = null, string choices = "") =>
        "{\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":1741265133,\"model\":\"m\",\"system_fingerprint\":\"3.3.6-native\",\"choices\":"
        + (contentJson is null ? "[]" : $"[{{\"index\":0,\"delta\":{{\"role\":\"assistant\",\"content\":{contentJson}}},\"logprobs\":null,\"finish_reason\":{(finishReason is null ? "null" : $"\"{finishReason}\"")}}}]")
        + $",\"usage\":{usageJson ?? "null"}}}";
}
