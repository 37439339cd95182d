// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Internal;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Streaming;

/// <summary>The cache of decoded token texts: hits share one string, and a string is always its own bytes' decoding.</summary>
public class TokenTextCacheTests
{
    private static readonly string[] s_texts =
    [
        " the", ",", ".", "\n", "\n\n", " café", " 日本", "語", " 🙂", "\"", "\\", "\t", " résumé", "—", "€", "a", "b", "ab", "ba",
        "abc", "acb", "abcd", "abdc", "12345678", "12345687", "123456789", "1234567890123456", "1234567890123465",
        "12345678901234567", "12345678901234576", "1234567890123456789012345678901", "12345678901234567890123456789012",
        "\u0001", "\0", "\0\0", "\u00ff", "ÿÿ",
    ];

    [Test]
    public async Task GetString_SameBytesTwice_ReturnsTheSameInstance()
    {
        TokenTextCache cache = new();
        byte[] utf8 = Encoding.UTF8.GetBytes(" token");

        string first = cache.GetString(utf8);
        string second = cache.GetString(Encoding.UTF8.GetBytes(" token"));

        await Assert.That(first).IsEqualTo(" token");
        await Assert.That(second).IsSameReferenceAs(first);
    }

    [Test]
    [Arguments(" café")]
    [Arguments(" 日本語")]
    [Arguments(" 🙂")]
    [Arguments("Über straße ñ — €")]
    [Arguments("\"quoted\"\n\\\t")]
    public async Task GetString_NonAsciiAndSpecialCharacters_DecodesAndCaches(string text)
    {
        TokenTextCache cache = new();
        byte[] utf8 = Encoding.UTF8.GetBytes(text);

        string first = cache.GetString(utf8);
        string second = cache.GetString(utf8);

        await Assert.That(first).IsEqualTo(text);
        await Assert.That(second).IsSameReferenceAs(first);
    }

    [Test]
    public async Task GetString_EveryLengthUpToTheLimit_IsCachedAndLongerIsNot()
    {
        TokenTextCache cache = new();
        List<string> wrong = [];
        for (int length = 1; length <= TokenTextCache.MaxBytes + 8; length++)
        {
            string text = new(Enumerable.Range(0, length).Select(i => (char)('a' + ((i * 7) % 26))).ToArray());
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            string first = cache.GetString(utf8);
            string second = cache.GetString(utf8);
            bool shared = ReferenceEquals(first, second);
            if (first != text || second != text || shared != (length <= TokenTextCache.MaxBytes))
            {
                wrong.Add($"{length}: shared={shared}");
            }
        }

        await Assert.That(wrong).IsEmpty();
    }

    [Test]
    public async Task GetString_Empty_ReturnsEmpty()
    {
        string text = new TokenTextCache().GetString([]);

        await Assert.That(text).IsEqualTo(string.Empty);
    }

    [Test]
    public async Task GetString_TwoSlots_CollisionsNeverReturnAnotherText()
    {
        // With two slots most texts collide: every lookup must still return its own text.
        TokenTextCache cache = new(slotCount: 2);
        List<string> wrong = [];
        for (int round = 0; round < 3; round++)
        {
            foreach (string text in s_texts)
            {
                string got = cache.GetString(Encoding.UTF8.GetBytes(text));
                if (got != text)
                {
                    wrong.Add($"{text} -> {got}");
                }
            }
        }

        await Assert.That(wrong).IsEmpty();
    }

    [Test]
    public async Task GetString_TextsDifferingInOneByte_AreKeptApart()
    {
        // Same length, same hash inputs except one byte: the byte comparison, not the hash, decides a hit.
        TokenTextCache cache = new(slotCount: 2);
        byte[] a = Encoding.UTF8.GetBytes("abcdefghijklmnop");
        byte[] b = Encoding.UTF8.GetBytes("abcdefghijklmnoq");

        string first = cache.GetString(a);
        string other = cache.GetString(b);
        string again = cache.GetString(a);

        await Assert.That(first).IsEqualTo("abcdefghijklmnop");
        await Assert.That(other).IsEqualTo("abcdefghijklmnoq");
        await Assert.That(again).IsEqualTo("abcdefghijklmnop");
    }

    [Test]
    [Arguments(0)]
    [Arguments(3)]
    [Arguments(1000)]
    public async Task Constructor_SlotCountNotAPowerOfTwoOfAtLeastTwo_Throws(int slotCount)
    {
        await Assert.That(() => new TokenTextCache(slotCount)).Throws<ArgumentOutOfRangeException>();
    }

    [Test]
    [Arguments(4)]
    [Arguments(4096)]
    public async Task GetString_ManyThreadsSharingFewSlots_AlwaysReturnTheRightText(int slotCount)
    {
        TokenTextCache cache = new(slotCount);
        byte[][] utf8 = [.. s_texts.Select(Encoding.UTF8.GetBytes)];
        int wrong = 0;
        int lookups = 0;
        Task[] workers = [.. Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (int i = 0; i < 20_000; i++)
            {
                int pick = ((i * 31) + (worker * 17)) % utf8.Length;
                if (cache.GetString(utf8[pick]) != s_texts[pick])
                {
                    Interlocked.Increment(ref wrong);
                }

                Interlocked.Increment(ref lookups);
            }
        }))];

        await Task.WhenAll(workers);

        await Assert.That(wrong).IsEqualTo(0);
        await Assert.That(lookups).IsEqualTo(8 * 20_000);
    }

    [Test]
    public async Task Hash_DistinctPiecesOfTheBenchmarkVocabulary_SpreadOverTheSlots()
    {
        // Not a correctness property (collisions only cost a miss), but a broken hash would make the cache useless.
        HashSet<int> slots = [.. s_texts.Select(t => (int)(TokenTextCache.Hash(Encoding.UTF8.GetBytes(t)) >> 52))];

        await Assert.That(slots.Count).IsGreaterThanOrEqualTo(s_texts.Length - 3);
    }

    [Test]
    public async Task StreamedUpdates_ReadTwice_SameTextAndContent()
    {
        // The update types read through the shared cache: the text is right (escaped, non-ASCII) on every read.
        string payload = Sse.Frame(
        [
            Sse.ChatChunk("\"caf\u00e9\""),
            Sse.ChatChunk("\"a\\n\\\"b\\\\\\u00e9\""),
            Sse.ChatChunk("\"\"", "stop"),
            "[DONE]",
        ]);
        List<ChatCompletionUpdate> chat = await Expect.ToListAsync(ReplayHandler.Sse(payload).CreateClient().ChatStreamingAsync([ChatMessage.CreateUser("Hi")]));
        List<GenerateStreamUpdate> generate = await Expect.ToListAsync(ReplayHandler.Sse(Sse.Frame(Sse.ThreeTokenGenerate())).CreateClient().GenerateStreamingAsync("Hi"));

        await Assert.That(chat.Select(u => u.ContentDelta)).IsEquivalentTo(new string?[] { "café", "a\n\"b\\é", string.Empty }, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(chat.Select(u => u.ContentDelta)).IsEquivalentTo(new string?[] { "café", "a\n\"b\\é", string.Empty }, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(generate.Select(u => u.Token.Text)).IsEquivalentTo(new[] { " The", " cat\n\"q\"", "</s>" }, TUnit.Assertions.Enums.CollectionOrdering.Matching);
        await Assert.That(generate.Select(u => u.Token.Text)).IsEquivalentTo(new[] { " The", " cat\n\"q\"", "</s>" }, TUnit.Assertions.Enums.CollectionOrdering.Matching);
    }
}
