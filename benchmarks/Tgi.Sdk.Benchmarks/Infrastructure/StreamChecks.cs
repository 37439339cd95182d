// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using Tgi.Sdk.Benchmarks.InMemory;
using Tgi.Sdk.Benchmarks.Payloads;

namespace Tgi.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// Runs every row once before measuring and checks that it read every token's text: a row that skips work would
/// otherwise look fast. A mismatch throws, which BenchmarkDotNet reports as NA and the run as failed.
/// </summary>
internal static class StreamChecks
{
    /// <summary>Characters of all token texts in the generate stream (the EOS token's <c>&lt;/s&gt;</c> included).</summary>
    public static int GenerateChars => Sum(StreamPayloads.Tokens - 1, Encoding.Unicode) / 2 + "</s>".Length;

    /// <summary>UTF-8 bytes of all token texts in the generate stream.</summary>
    public static int GenerateUtf8Bytes => Sum(StreamPayloads.Tokens - 1, Encoding.UTF8) + "</s>".Length;

    /// <summary>Characters of all chat content deltas (the finish chunk's content is empty).</summary>
    public static int ChatChars => Sum(StreamPayloads.Tokens - 1, Encoding.Unicode) / 2;

    public static async Task VerifyGenerateAsync(GenerateStreamBenchmarks b)
    {
        Expect("limit", await b.Limit(), StreamPayloads.Tokens);
        Expect("Tgi.Sdk", await b.TgiSdk(), GenerateChars);
        Expect("Tgi.Sdk raw", await b.TgiSdkRaw(), GenerateUtf8Bytes);
        Expect("SseParser + records", await b.SseParserRecords(), GenerateChars);
        Expect("naive Kiota", await b.NaiveKiota(), GenerateChars);
    }

    public static async Task VerifyChatAsync(ChatStreamBenchmarks b)
    {
        // Chat: the token chunks, the usage chunk and [DONE].
        Expect("limit", await b.Limit(), StreamPayloads.Tokens + 2);
        Expect("Tgi.Sdk", await b.TgiSdk(), ChatChars);
        Expect("SseParser + records", await b.SseParserRecords(), ChatChars);
        Expect("naive Kiota", await b.NaiveKiota(), ChatChars);
        Expect("OpenAI SDK", await b.OpenAiSdk(), ChatChars);
    }

    public static void Expect(string row, int actual, int expected)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"{row} read {actual} units of token text; the payload has {expected}.");
        }
    }

    private static int Sum(int tokens, Encoding encoding)
    {
        int total = 0;
        for (int i = 0; i < tokens; i++)
        {
            total += encoding.GetByteCount(TokenTextSource.Piece(i));
        }

        return total;
    }
}
