// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Streaming;

/// <summary>The byte-level chat fast path gives exactly the reader path's updates, and steps aside when it must.</summary>
public class ChatFastPathTests
{
    [Test]
    [Arguments("\"plain\"", "plain")]
    [Arguments("\"\"", "")]
    [Arguments("\"line\\nbreak\"", "line\nbreak")]
    [Arguments("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [Arguments("\"back\\\\slash\"", "back\\slash")]
    [Arguments("\"tab\\tand \\/ slash\"", "tab\tand / slash")]
    [Arguments("\"\\u00e9t\\u00E9 \\u65e5\"", "été 日")]
    [Arguments("\"\\ud83d\\ude42\"", "🙂")]
    [Arguments("\"caf\u00e9 \u65e5\u672c \ud83d\ude42 \u20ac\"", "café 日本 🙂 €")]
    public async Task Handle_ContentText_FastPathTakenAndSameUpdateAsReader(string contentJson, string expected)
    {
        // The first chunk fills the envelope caches through the reader; the second is the fast path's.
        List<byte[]> events = ChatPaths.Events(Sse.ChatChunk("\"a\""), Sse.ChatChunk(contentJson), Sse.ChatChunk("\"\"", "stop"), "[DONE]");

        (List<string> fast, List<string> slow, int fastChunks) = ChatPaths.Run(events);

        await Assert.That(fast).IsEquivalentTo(slow, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(fast[1]).Contains($"content=\"{expected}\"");
        await Assert.That(fastChunks).IsEqualTo(1);
    }

    [Test]
    public async Task Handle_ModelAndIdChangeMidStream_FallsBackAndKeepsEveryValue()
    {
        const string A = "{\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":1,\"model\":\"base\",\"system_fingerprint\":\"3.3.6-native\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"x\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}";
        string otherModel = A.Replace("\"model\":\"base\"", "\"model\":\"adapter\"", StringComparison.Ordinal);
        string otherId = A.Replace("\"id\":\"\"", "\"id\":\"7\"", StringComparison.Ordinal);
        string otherFingerprint = A.Replace("3.3.6-native", "3.3.7-native", StringComparison.Ordinal);
        string otherCreated = A.Replace("\"created\":1,", "\"created\":2,", StringComparison.Ordinal);
        string escapedModel = A.Replace("\"model\":\"base\"", "\"model\":\"b\\u0061se\"", StringComparison.Ordinal);
        List<byte[]> events = ChatPaths.Events(A, A, otherCreated, otherModel, otherModel, A, otherId, otherId, otherFingerprint, otherFingerprint, escapedModel, A, A);

        (List<string> fast, List<string> slow, int fastChunks) = ChatPaths.Run(events);

        await Assert.That(fast).IsEquivalentTo(slow, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(fast[2]).Contains("created=2 ");
        await Assert.That(fast[3]).Contains("model=\"adapter\"");
        await Assert.That(fast[4]).Contains("model=\"adapter\"");
        await Assert.That(fast[5]).Contains("model=\"base\"");
        await Assert.That(fast[7]).Contains("id=\"7\"");
        await Assert.That(fast[9]).Contains("fp=\"3.3.7-native\"");
        await Assert.That(fast[10]).Contains("model=\"base\"");
        await Assert.That(fast[12]).Contains("model=\"base\"");

        // Fast: the repeats (1, 4, 7, 9, 12) and the new created time (2: it is a number, not a cached string); a
        // changed or escaped string goes through the reader, which refreshes the cache (11: after the escaped model).
        await Assert.That(fastChunks).IsEqualTo(6);
    }

    [Test]
    [Arguments("invalid UTF-8", new byte[] { 0xC3, 0x28 })]
    [Arguments("lone continuation byte", new byte[] { 0x80 })]
    [Arguments("overlong encoding", new byte[] { 0xC0, 0xAF })]
    [Arguments("UTF-16 surrogate as UTF-8", new byte[] { 0xED, 0xA0, 0x80 })]
    public async Task Handle_InvalidUtf8Content_BothPathsReportAMalformedEvent(string why, byte[] content)
    {
        byte[] chunk = ChunkWithRawContent(content);
        List<byte[]> events = [.. ChatPaths.Events(Sse.ChatChunk("\"a\"")), chunk];

        (List<string> fast, List<string> slow, _) = ChatPaths.Run(events);

        await Assert.That(fast).IsEquivalentTo(slow, TUnit.Assertions.Enums.CollectionOrdering.Matching).Because(why);
        await Assert.That(fast[1]).StartsWith("TgiException(protocol)").Because(why);
    }

    [Test]
    [Arguments("\"\\ud800\"")]
    [Arguments("\"\\x41\"")]
    [Arguments("\"\\u12\"")]
    public async Task Handle_BadEscapeInContent_BothPathsReportAMalformedEvent(string contentJson)
    {
        List<byte[]> events = ChatPaths.Events(Sse.ChatChunk("\"a\""), Sse.ChatChunk(contentJson));

        (List<string> fast, List<string> slow, int fastChunks) = ChatPaths.Run(events);

        await Assert.That(fast).IsEquivalentTo(slow, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(fast[1]).StartsWith("TgiException(protocol)");
        await Assert.That(fastChunks).IsEqualTo(0);
    }

    [Test]
    public async Task Handle_RawControlCharacterInContent_BothPathsReportAMalformedEvent()
    {
        List<byte[]> events = [.. ChatPaths.Events(Sse.ChatChunk("\"a\"")), ChunkWithRawContent([(byte)'a', 0x0A, (byte)'b'])];

        (List<string> fast, List<string> slow, int fastChunks) = ChatPaths.Run(events);

        await Assert.That(fast).IsEquivalentTo(slow, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(fast[1]).StartsWith("TgiException(protocol)");
        await Assert.That(fastChunks).IsEqualTo(0);
    }

    [Test]
    public async Task Handle_RejectedChunksBetweenContent_SameUpdatesAsReader()
    {
        List<byte[]> events = ChatPaths.Events(
            Sse.ChatChunk("\"a\""),
            Sse.ChatChunk("\"b\""),
            "{\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":1741265133,\"model\":\"m\",\"system_fingerprint\":\"3.3.6-native\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"c\"},\"logprobs\":{\"content\":[{\"token\":\"c\",\"logprob\":-0.25,\"top_logprobs\":[{\"token\":\"d\",\"logprob\":-1.5}]}]},\"finish_reason\":null}],\"usage\":null}",
            "{\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":1741265133,\"model\":\"m\",\"system_fingerprint\":\"3.3.6-native\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"0\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{\"}}]},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}",
            Sse.ChatChunk("\"e\""),
            Sse.ChatChunk("\"\"", "stop"),
            Sse.ChatChunk(null, usageJson: "{\"prompt_tokens\":3,\"completion_tokens\":4,\"total_tokens\":7}"),
            "{\"error\":{\"message\":\"Input validation error: boom\",\"http_status_code\":422}}",
            "[DONE]");

        (List<string> fast, List<string> slow, int fastChunks) = ChatPaths.Run(events);

        await Assert.That(fast).IsEquivalentTo(slow, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(fast[2]).Contains("logprobs=\"c\":-0.25(\"d\":-1.5;)");
        await Assert.That(fast[3]).Contains("tools=[0:\"0\":\"f\":\"{\";]");
        await Assert.That(fast[6]).Contains("usage=3/4/7");
        await Assert.That(fast[7]).StartsWith("TgiException");
        await Assert.That(fast[8]).IsEqualTo("End");
        await Assert.That(fastChunks).IsEqualTo(2);
    }

    private static byte[] ChunkWithRawContent(byte[] content)
    {
        byte[] template = System.Text.Encoding.UTF8.GetBytes(Sse.ChatChunk("\"@\""));
        int at = Array.IndexOf(template, (byte)'@');
        return [.. template.AsSpan(0, at), .. content, .. template.AsSpan(at + 1)];
    }
}
