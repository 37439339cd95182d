// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using CsCheck;
using Tgi.Sdk.Testing;

namespace Tgi.Sdk.Tests.Fuzz;

/// <summary>
/// Mutation fuzzing of every route's parser, seeded from the emulator's answers for each <see cref="TgiWireVersion"/>
/// and from TGI's recordings. Properties: only a <see cref="TgiException"/> escapes; one-piece and random-piece reads
/// of the same stream agree; the byte-level fast paths and the JSON reader agree.
/// </summary>
// One fuzz test at a time: each one's budget is its own, and the loopback sample needs a free thread pool.
[NotInParallel("fuzz")]
public class ParserFuzzTests
{
    [Test]
    [Arguments("generate")]
    [Arguments("compat")]
    [Arguments("chat")]
    [Arguments("completions")]
    [Arguments("info")]
    [Arguments("models")]
    [Arguments("tokenize")]
    [Arguments("chat_tokenize")]
    [Arguments("metrics")]
    [Arguments("error")]
    public async Task BodyParser_MutatedAnswers_GiveAValueOrATgiException(string route)
    {
        FuzzSeeds seeds = await FuzzSeeds.GetAsync();
        List<byte[]> pool = seeds.For(route, streaming: false);
        long cases = 0;
        long malformed = 0;

        // Every seed as it is first: the unmutated answers must parse to a value.
        foreach (byte[] seed in seeds.ByRoute.GetValueOrDefault(route) ?? [])
        {
            string outcome = ParserHarness.RunBody(route, seed);
            await Assert.That(outcome).IsNotEqualTo("malformed").Because(System.Text.Encoding.UTF8.GetString(seed));
        }

        Gen.Select(Gen.Int[0, pool.Count - 1], Gen.Int[0, pool.Count - 1], Gen.UInt.Array[0, 3]).Sample(
            (s, o, words) =>
            {
                string outcome = ParserHarness.RunBody(route, Mutator.Mutate(pool[s], pool[o], words));
                Interlocked.Increment(ref cases);
                if (outcome == "malformed")
                {
                    Interlocked.Increment(ref malformed);
                }
            },
            seed: FuzzBudget.Seed,
            time: FuzzBudget.SecondsPerRoute,
            threads: 1,
            print: t => $"route {route}, input (base64) {Convert.ToBase64String(Mutator.Mutate(pool[t.Item1], pool[t.Item2], t.Item3))}");

        FuzzBudget.Report(route, $"{cases} cases ({cases - malformed} values, {malformed} protocol errors){Note(seeds)}");
        await Assert.That(cases).IsGreaterThan(0);
    }

    [Test]
    [Arguments("generate_stream")]
    [Arguments("generate_stream_raw")]
    [Arguments("chat_stream")]
    [Arguments("completions_stream")]
    public async Task StreamParser_MutatedStreams_AgreeAcrossPiecesAndPaths(string route)
    {
        FuzzSeeds seeds = await FuzzSeeds.GetAsync();
        string seedRoute = route == "generate_stream_raw" ? "generate_stream" : route;
        List<byte[]> pool = seeds.For(seedRoute, streaming: true);
        long cases = 0;
        long failed = 0;

        foreach (byte[] seed in seeds.ByRoute.GetValueOrDefault(seedRoute) ?? [])
        {
            string outcome = ParserHarness.RunStream(route, new MemoryStream(seed), fastPath: true);
            await Assert.That(outcome).DoesNotContain("TgiException 0 protocol");
        }

        Gen.Select(Gen.Int[0, pool.Count - 1], Gen.Int[0, pool.Count - 1], Gen.UInt.Array[0, 3]).Sample(
            (s, o, words) =>
            {
                byte[] input = Mutator.Mutate(pool[s], pool[o], words);
                string whole = ParserHarness.RunStream(route, new MemoryStream(input), fastPath: true);
                string pieces = ParserHarness.RunStream(route, new PiecewiseStream(input, (int)(words.Length == 0 ? 1u : words[0])), fastPath: true);
                if (whole != pieces)
                {
                    throw new InvalidOperationException($"One-piece and random-piece reads differ:\n{whole}\n---\n{pieces}");
                }

                if (ParserHarness.HasFastPath(route))
                {
                    string reader = ParserHarness.RunStream(route, new MemoryStream(input), fastPath: false);
                    if (whole != reader)
                    {
                        throw new InvalidOperationException($"The fast path and the reader differ:\n{whole}\n---\n{reader}");
                    }
                }

                Interlocked.Increment(ref cases);
                if (whole.Contains("TgiException", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref failed);
                }
            },
            seed: FuzzBudget.Seed,
            time: FuzzBudget.SecondsPerRoute,
            threads: 1,
            print: t => $"route {route}, input (base64) {Convert.ToBase64String(Mutator.Mutate(pool[t.Item1], pool[t.Item2], t.Item3))}");

        FuzzBudget.Report(route, $"{cases} cases ({cases - failed} read to the end, {failed} TgiException){Note(seeds)}");
        await Assert.That(cases).IsGreaterThan(0);
    }

    private static string Note(FuzzSeeds seeds) => seeds.RecordingsSkipped is { } why ? "; recordings skipped: " + why : string.Empty;
}
