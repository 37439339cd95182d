// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using CsCheck;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Fuzz;

/// <summary>
/// A smaller sample of the mutated answers through a real round trip: a hostile server on 127.0.0.1 sends them (in
/// random pieces, as a 200 or as an error status) to <see cref="TgiClient"/>'s public methods on every route, and
/// only a <see cref="TgiException"/> may come back.
/// </summary>
// One fuzz test at a time: each one's budget is its own, and the loopback sample needs a free thread pool.
[NotInParallel("fuzz")]
public class LoopbackFuzzTests
{
    private static readonly string[] s_routes = [.. RouteCalls.Names.Where(r => r != "health")];

    [Test]
    public async Task EveryRoute_MutatedAnswersOverLoopback_OnlyTgiExceptions()
    {
        FuzzSeeds seeds = await FuzzSeeds.GetAsync();
        byte[] answer = [];
        await using CannedHttpServer server = CannedHttpServer.Start(_ => Volatile.Read(ref answer));
        TgiClient client = new(server.BaseAddress, new TgiClientOptions { RequestTimeout = TimeSpan.FromMinutes(2) });
        List<byte[]> errors = seeds.ByRoute["error"];
        long cases = 0;
        long failures = 0;

        await Gen.Select(Gen.Int[0, s_routes.Length - 1], Gen.Int[0, 999], Gen.Int[0, 9], Gen.UInt.Array[0, 3]).SampleAsync(
            async (r, s, status, words) =>
            {
                string route = s_routes[r];
                (byte[] body, int code, string type) = Answer(seeds, errors, route, s, status, words);
                Volatile.Write(ref answer, CannedHttpServer.Response(code, type, body));
                server.PieceSeed = 1 + (int)(words.Length == 0 ? 0 : words[0] % 1000);
                try
                {
                    await RouteCalls.Call(client, route);
                }
                catch (TgiException)
                {
                    Interlocked.Increment(ref failures);
                }

                Interlocked.Increment(ref cases);
            },
            seed: FuzzBudget.Seed,
            time: FuzzBudget.SecondsPerRoute,
            threads: 1);

        FuzzBudget.Report("loopback (all routes)", $"{cases} round trips ({cases - failures} values, {failures} TgiException)");
        await Assert.That(cases).IsGreaterThan(0);
    }

    private static (byte[] Body, int Status, string ContentType) Answer(FuzzSeeds seeds, List<byte[]> errors, string route, int s, int status, uint[] words)
    {
        // One answer in ten is an error status with a (mutated) error body.
        if (status == 0)
        {
            byte[] error = errors[s % errors.Count];
            return (Mutator.Mutate(error, error, words), 422 + (s % 3), "application/json");
        }

        string seedRoute = route switch
        {
            "generate_stream_raw" or "compat_stream" => "generate_stream",
            _ => route,
        };
        bool streaming = route.EndsWith("_stream", StringComparison.Ordinal) || route == "generate_stream_raw";
        List<byte[]> pool = seeds.For(seedRoute, streaming);
        byte[] seed = pool[s % pool.Count];
        string type = streaming ? "text/event-stream" : route == "metrics" ? "text/plain; version=0.0.4" : "application/json";
        return (Mutator.Mutate(seed, pool[(s / 7) % pool.Count], words), 200, type);
    }
}
