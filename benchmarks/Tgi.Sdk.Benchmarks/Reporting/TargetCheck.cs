// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using System.Text;
using Tgi.Sdk.Benchmarks.Aot;
using Tgi.Sdk.Benchmarks.Loopback;

namespace Tgi.Sdk.Benchmarks.Reporting;

/// <summary>
/// The issue's targets, checked against this run's own figures (so the verdicts and the tables below them cannot
/// disagree). A target whose rows did not run in this invocation is left out.
/// </summary>
internal static class TargetCheck
{
    private const string Generate = "GenerateStreamBenchmarks";
    private const string Chat = "ChatStreamBenchmarks";
    private const string Loopback = "LoopbackStreamBenchmarks";
    private const string Limit = "limit: scan for \\n\\n";
    private const string LoopbackLimit = "limit: HttpClient, scan for \\n\\n";
    private const string TgiGenerate = "Tgi.Sdk GenerateStreamingAsync";
    private const string TgiChat = "Tgi.Sdk ChatStreamingAsync";
    private const string TgiRaw = "Tgi.Sdk raw mode (UTF-8 spans)";
    private const string Kiota = "naive Kiota: JsonDocument + JsonParseNode";
    private const string OpenAi = "OpenAI SDK CompleteChatStreamingAsync";

    public static void Append(StringBuilder sb, IReadOnlyList<Measurement> m, MemoryPerStreamResult? memory, AotComparisonResult? aot)
    {
        var rows = new StringBuilder();
        foreach ((string bench, string kind, string tgi) in new[] { (Generate, "generate_stream", TgiGenerate), (Chat, "chat", TgiChat) })
        {
            Measurement? ours = Find(m, bench, tgi);
            if (ours is null)
            {
                continue;
            }

            Row(rows, $"≤150 ns/token ({kind})", $"{ours.MeanNs:N1} ns/token", ours.MeanNs <= 150);
            if (Find(m, bench, Limit) is { } limit)
            {
                double x = ours.MeanNs / limit.MeanNs;
                Row(rows, $"within 10× of the limit ({kind})", $"{x:N1}× the limit ({limit.MeanNs:N1} ns/token)", x <= 10);
            }

            if (Find(m, bench, Kiota) is { } kiota)
            {
                double x = kiota.MeanNs / ours.MeanNs;
                Row(rows, $"≥10× faster than naive Kiota ({kind})", $"{x:N1}× faster ({kiota.MeanNs:N0} ns/token)", x >= 10);
            }

            if (Find(m, bench, OpenAi) is { } openAi)
            {
                double x = openAi.MeanNs / ours.MeanNs;
                Row(rows, $"≥10× faster than the OpenAI SDK ({kind})", $"{x:N1}× faster ({openAi.MeanNs:N0} ns/token)", x >= 10);
            }

            Row(rows, $"≤32 B/token ({kind})", $"{ours.BytesPerOp:N0} B/token", ours.BytesPerOp <= 32);
            if (Find(m, bench, TgiRaw) is { } raw)
            {
                Row(rows, $"0 B/token in raw mode ({kind})", $"{raw.BytesPerOp:N0} B/token, {raw.MeanNs:N1} ns/token", raw.BytesPerOp == 0);
            }
        }

        foreach (Measurement ours in m.Where(x => x.Benchmark == Loopback && (x.Row == TgiGenerate || x.Row == TgiChat || x.Row == TgiRaw)))
        {
            // The limit of the same stream kind (category) and flush mode (parameters).
            Measurement? limit = m.FirstOrDefault(x =>
                x.Benchmark == Loopback && x.Row == LoopbackLimit && x.Parameters == ours.Parameters && x.Categories == ours.Categories);
            if (limit is null)
            {
                continue;
            }

            double share = limit.MeanNs / ours.MeanNs;
            Row(rows, $"≥90% of the limit end to end ({ours.Row}, {ours.Parameters})",
                $"{share:P0} ({1e9 / ours.MeanNs:N0} vs {1e9 / limit.MeanNs:N0} tokens/s)", share >= 0.9);
        }

        if (memory is { Rows.Count: > 0 })
        {
            MemoryPerStreamRow? limit = memory.Rows.FirstOrDefault(r => r.IsLimit);
            foreach (MemoryPerStreamRow row in memory.Rows.Where(r => r.Name.StartsWith("Tgi.Sdk", StringComparison.Ordinal)))
            {
                double own = limit is null ? double.NaN : row.HeapBytesPerStream - limit.HeapBytesPerStream;
                Row(rows, $"≤16 KiB per open stream ({row.Name})",
                    $"{row.HeapBytesPerStream / 1024:N1} KiB in all; {own / 1024:N1} KiB over a bare HttpClient response",
                    row.HeapBytesPerStream <= 16 * 1024, own <= 16 * 1024 ? "met for the SDK's own share; **missed** counting HttpClient's" : null);
            }
        }

        if (aot is { Apps.Count: 2 })
        {
            double size = (double)aot.Apps[0].SizeBytes / aot.Apps[1].SizeBytes;
            Row(rows, "Native AOT size ≤1.25× the bare HttpClient app", $"{size:N2}× ({aot.Apps[0].SizeBytes / 1048576.0:N2} vs {aot.Apps[1].SizeBytes / 1048576.0:N2} MiB)", size <= 1.25);
            Row(rows, "Native AOT startup + calls ≤30 ms", $"{aot.Apps[0].MedianMs:N1} ms median (bare app: {aot.Apps[1].MedianMs:N1} ms)", aot.Apps[0].MedianMs <= 30);
        }

        if (rows.Length == 0)
        {
            return;
        }

        sb.Append("### Targets\n\n| Target | This run | Verdict |\n|---|---|---|\n").Append(rows).Append('\n');
    }

    private static Measurement? Find(IReadOnlyList<Measurement> m, string bench, string row) =>
        m.FirstOrDefault(x => x.Benchmark == bench && x.Row == row);

    private static void Row(StringBuilder sb, string target, string measured, bool met, string? partial = null) =>
        sb.Append(CultureInfo.InvariantCulture, $"| {target} | {measured} | {(met ? "met" : partial ?? "**missed**")} |\n");
}
