// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using Tgi.Sdk.Streaming;

namespace Tgi.Sdk.Tests.Streaming;

/// <summary>What the byte-level chat fast path accepts (TGI's exact content-chunk layouts) and what it leaves to the reader.</summary>
public class FastChatChunkTests
{
    private const string Choices = "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"logprobs\":null,\"finish_reason\":null}]";

    // TGI ≥2.3 (API.md §5.3): the layout the fast path is built for.
    private const string V3 = "{\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":1741265133,\"model\":\"meta-llama/Llama-3.1-8B-Instruct\",\"system_fingerprint\":\"3.3.6-dev0-native\"," + Choices + ",\"usage\":null}";

    [Test]
    public async Task TryParse_Tgi3ContentChunk_ReadsEveryField()
    {
        bool matched = FastChatChunk.TryParse(Encoding.UTF8.GetBytes(V3), out FastChatChunk chunk);
        string id = Encoding.UTF8.GetString(chunk.Id);
        string model = Encoding.UTF8.GetString(chunk.Model);
        string fingerprint = Encoding.UTF8.GetString(chunk.SystemFingerprint);
        string content = Encoding.UTF8.GetString(chunk.QuotedContent);
        long created = chunk.Created;
        bool escaped = chunk.ContentEscaped;

        await Assert.That(matched).IsTrue();
        await Assert.That(id).IsEqualTo(string.Empty);
        await Assert.That(model).IsEqualTo("meta-llama/Llama-3.1-8B-Instruct");
        await Assert.That(fingerprint).IsEqualTo("3.3.6-dev0-native");
        await Assert.That(content).IsEqualTo("\"Hi\"");
        await Assert.That(created).IsEqualTo(1741265133L);
        await Assert.That(escaped).IsFalse();
    }

    [Test]
    [Arguments("{\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"2.2.0-native\"," + Choices + "}")]
    [Arguments("{\"id\":\"\",\"object\":\"text_completion\",\"created\":1712154497,\"model\":\"m\",\"system_fingerprint\":\"1.4.4-sha-6c4496a\"," + Choices + "}")]
    [Arguments("{\"object\":\"text_completion\",\"id\":\"\",\"created\":0,\"model\":\"m\",\"system_fingerprint\":\"2.0.4-native\"," + Choices + "}")]
    public async Task TryParse_OlderTgiLayouts_Match(string json)
    {
        // 2.1–2.2: no usage key; 1.4–2.0: id before object, object "text_completion" (API.md §5.3, §5.5).
        bool matched = FastChatChunk.TryParse(Encoding.UTF8.GetBytes(json), out FastChatChunk chunk);
        string content = Encoding.UTF8.GetString(chunk.QuotedContent);

        await Assert.That(matched).IsTrue();
        await Assert.That(content).IsEqualTo("\"Hi\"");
    }

    [Test]
    public async Task TryParse_EscapedContent_MatchesAndFlagsTheEscape()
    {
        string json = V3.Replace("\"content\":\"Hi\"", "\"content\":\"a\\\"b\\\\c\\nd\\u00e9\"", StringComparison.Ordinal);

        bool matched = FastChatChunk.TryParse(Encoding.UTF8.GetBytes(json), out FastChatChunk chunk);
        string content = Encoding.UTF8.GetString(chunk.QuotedContent);
        bool escaped = chunk.ContentEscaped;

        await Assert.That(matched).IsTrue();
        await Assert.That(content).IsEqualTo("\"a\\\"b\\\\c\\nd\\u00e9\"");
        await Assert.That(escaped).IsTrue();
    }

    [Test]
    [Arguments("finish chunk", "\"finish_reason\":null", "\"finish_reason\":\"stop\"")]
    [Arguments("usage on the chunk (2.3–3.1)", "\"usage\":null", "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}")]
    [Arguments("logprobs", "\"logprobs\":null", "\"logprobs\":{\"content\":[{\"token\":\"Hi\",\"logprob\":-0.5,\"top_logprobs\":[]}]}")]
    [Arguments("tool call", "\"content\":\"Hi\"", "\"tool_calls\":[{\"index\":0,\"id\":\"0\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{\"}}]")]
    [Arguments("null content", "\"content\":\"Hi\"", "\"content\":null")]
    [Arguments("another role", "\"role\":\"assistant\"", "\"role\":\"user\"")]
    [Arguments("second choice index", "\"index\":0", "\"index\":1")]
    [Arguments("escaped model", "\"model\":\"meta-llama/Llama-3.1-8B-Instruct\"", "\"model\":\"meta-llama\\/Llama\"")]
    [Arguments("escaped id", "\"id\":\"\"", "\"id\":\"\\u0041\"")]
    [Arguments("null fingerprint", "\"system_fingerprint\":\"3.3.6-dev0-native\"", "\"system_fingerprint\":null")]
    [Arguments("fractional created", "\"created\":1741265133", "\"created\":1741265133.5")]
    [Arguments("exponent created", "\"created\":1741265133", "\"created\":1e9")]
    [Arguments("negative created", "\"created\":1741265133", "\"created\":-1")]
    [Arguments("leading zero created", "\"created\":1741265133", "\"created\":01741265133")]
    [Arguments("huge created", "\"created\":1741265133", "\"created\":1234567890123456789012")]
    [Arguments("string created", "\"created\":1741265133", "\"created\":\"1741265133\"")]
    [Arguments("another object name", "\"object\":\"chat.completion.chunk\"", "\"object\":\"chat.completion\"")]
    [Arguments("another key order", "\"id\":\"\",\"created\":1741265133", "\"created\":1741265133,\"id\":\"\"")]
    [Arguments("whitespace", "\"content\":\"Hi\"", "\"content\": \"Hi\"")]
    [Arguments("extra key", "\"usage\":null", "\"usage\":null,\"service_tier\":null")]
    [Arguments("raw control character", "\"content\":\"Hi\"", "\"content\":\"H\ti\"")]
    [Arguments("trailing bytes", "\"usage\":null}", "\"usage\":null} ")]
    [Arguments("unterminated", "\"usage\":null}", "\"usage\":null")]
    public async Task TryParse_ChunksForTheReader_AreRejected(string why, string find, string replace)
    {
        string json = V3.Replace(find, replace, StringComparison.Ordinal);

        bool matched = FastChatChunk.TryParse(Encoding.UTF8.GetBytes(json), out _);

        await Assert.That(json).IsNotEqualTo(V3).Because(why);
        await Assert.That(matched).IsFalse().Because(why);
    }

    [Test]
    [Arguments("{\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":1741265133,\"model\":\"m\",\"system_fingerprint\":\"3.3.6-native\",\"choices\":[],\"usage\":{\"prompt_tokens\":39,\"completion_tokens\":3,\"total_tokens\":42}}")]
    [Arguments("{\"error\":{\"message\":\"Input validation error\",\"http_status_code\":422}}")]
    [Arguments("{\"error\":\"Input validation error\",\"error_type\":\"validation\"}")]
    [Arguments("[DONE]")]
    [Arguments("{}")]
    public async Task TryParse_OtherEvents_AreRejected(string json)
    {
        bool matched = FastChatChunk.TryParse(Encoding.UTF8.GetBytes(json), out _);

        await Assert.That(matched).IsFalse();
    }

    [Test]
    public async Task TryParse_EveryTruncation_IsRejected()
    {
        byte[] full = Encoding.UTF8.GetBytes(V3);
        int accepted = 0;
        for (int length = 0; length < full.Length; length++)
        {
            if (FastChatChunk.TryParse(full.AsSpan(0, length), out _))
            {
                accepted++;
            }
        }

        await Assert.That(accepted).IsEqualTo(0);
    }
}
