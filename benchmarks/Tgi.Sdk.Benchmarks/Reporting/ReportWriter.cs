// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Tgi.Sdk.Benchmarks.Aot;
using Tgi.Sdk.Benchmarks.InMemory;
using Tgi.Sdk.Benchmarks.Infrastructure;
using Tgi.Sdk.Benchmarks.Loopback;

namespace Tgi.Sdk.Benchmarks.Reporting;

/// <summary>
/// Collects one run's results into a single Markdown file (BenchmarkDotNet's tables, Tgi.Sdk's ratio to every peer in
/// the same group, memory per open stream, Native AOT), with the machine, the date, the command and the peer versions.
/// </summary>
internal sealed class ReportWriter
{
    private readonly BenchOptions _options;
    private readonly StringBuilder _body = new();
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private readonly List<Measurement> _measurements = [];
    private MemoryPerStreamResult? _memory;
    private AotComparisonResult? _aot;

    public ReportWriter(BenchOptions options) => _options = options;

    /// <summary>Adds a summary's table and ratios; returns how many benchmarks failed.</summary>
    public int AddSummary(Summary summary)
    {
        var log = new AccumulationLogger();
        MarkdownExporter.GitHub.ExportToLog(summary, log);
        string title = summary.BenchmarksCases.FirstOrDefault()?.Descriptor.Type.Name ?? summary.Title;
        _body.Append(CultureInfo.InvariantCulture, $"### {title}\n\n");
        // The GitHub exporter HTML-escapes the quotes BenchmarkDotNet puts around descriptions; plain names read better.
        _body.Append(StripEnvironment(log.GetLog()).Replace("&#39;", string.Empty, StringComparison.Ordinal)).Append('\n');
        AppendRatios(summary);
        foreach (BenchmarkCase c in summary.BenchmarksCases.Where(c => summary[c]?.ResultStatistics is not null))
        {
            _measurements.Add(new Measurement(
                c.Descriptor.Type.Name,
                RowName(c),
                string.Join(',', c.Descriptor.Categories.Order(StringComparer.Ordinal)),
                c.HasParameters ? c.Parameters.DisplayInfo : string.Empty,
                Mean(summary, c),
                Bytes(summary, c)));
        }

        int failed = summary.BenchmarksCases.Count(c => summary[c]?.ResultStatistics is null);
        return failed + (summary.HasCriticalValidationErrors ? 1 : 0);
    }

    public void AddHeadersToFirstToken(IReadOnlyList<HeadersToFirstTokenRow> rows)
    {
        _body.Append("### Time to first token: from the response headers to the first token in the caller's hands\n\n");
        _body.Append("The replay handler stamps the moment it returns the response (status and headers); the caller stamps the moment it holds the first token. ");
        _body.Append("Overhead is the row's median minus the limit's, in the same run.\n\n");
        _body.Append("| Stream | Client | Median | p90 | Overhead over the limit | Ratio to limit |\n|---|---|---:|---:|---:|---:|\n");
        foreach (IGrouping<string, HeadersToFirstTokenRow> kind in rows.GroupBy(r => r.Kind))
        {
            HeadersToFirstTokenRow? limit = kind.FirstOrDefault(r => r.IsLimit);
            foreach (HeadersToFirstTokenRow row in kind)
            {
                string over = limit is null || row.IsLimit ? "–" : $"{row.MedianNs - limit.MedianNs:N0} ns";
                string ratio = limit is { MedianNs: > 0 } ? (row.MedianNs / limit.MedianNs).ToString("N2", CultureInfo.InvariantCulture) : "n/a";
                _body.Append(CultureInfo.InvariantCulture,
                    $"| {kind.Key} | {row.Name} | {row.MedianNs:N0} ns | {row.P90Ns:N0} ns | {over} | {ratio} |\n");
            }
        }

        _body.Append('\n');
    }

    public int AddMemory(MemoryPerStreamResult result)
    {
        _memory = result;
        _body.Append(CultureInfo.InvariantCulture,
            $"### Memory per open stream ({result.Streams:N0} concurrent streams over loopback)\n\n");
        _body.Append("Live managed heap after a full GC with every stream open, minus the same reading before, per stream. ");
        _body.Append("\"Over the limit\" is the client's own share: the row minus the limit row, which holds only the HttpClient response (ResponseHeadersRead) and its connection.\n\n");
        _body.Append("| Client | Heap per open stream | Over the limit | Allocated to open one | Ratio to limit |\n|---|---:|---:|---:|---:|\n");
        MemoryPerStreamRow? limit = result.Rows.FirstOrDefault(r => r.IsLimit);
        foreach (MemoryPerStreamRow row in result.Rows)
        {
            string over = limit is null || row.IsLimit ? "–" : Kib(row.HeapBytesPerStream - limit.HeapBytesPerStream);
            string ratio = limit is { HeapBytesPerStream: > 0 } ? (row.HeapBytesPerStream / limit.HeapBytesPerStream).ToString("N2", CultureInfo.InvariantCulture) : "n/a";
            _body.Append(CultureInfo.InvariantCulture,
                $"| {row.Name} | {Kib(row.HeapBytesPerStream)} | {over} | {Kib(row.AllocatedBytesPerStream)} | {ratio} |\n");
        }

        _body.Append('\n');
        return result.Failures;
    }

    public int AddAot(AotComparisonResult result)
    {
        _aot = result;
        _body.Append("### Native AOT: sample app size and startup plus calls\n\n");
        if (result.Skipped is not null)
        {
            _body.Append(CultureInfo.InvariantCulture, $"Skipped: {result.Skipped}\n\n");
            return result.Failures;
        }

        if (result.Apps.Count == 0)
        {
            _body.Append("Failed: see the run's output (publish or run error).\n\n");
            return Math.Max(result.Failures, 1);
        }

        _body.Append(CultureInfo.InvariantCulture,
            $"Each app is published with Native AOT in this run, then run {result.Runs} times against the emulator; times are wall clock from process start to exit.\n\n");
        _body.Append("| App | Binary size | Startup + calls (median) | min | max |\n|---|---:|---:|---:|---:|\n");
        foreach (AotAppResult app in result.Apps)
        {
            _body.Append(CultureInfo.InvariantCulture,
                $"| {app.Name} | {app.SizeBytes / 1048576.0:N2} MiB | {app.MedianMs:N1} ms | {app.MinMs:N1} ms | {app.MaxMs:N1} ms |\n");
        }

        if (result.Apps.Count == 2 && result.Apps[1].SizeBytes > 0)
        {
            _body.Append(CultureInfo.InvariantCulture,
                $"\nSize ratio Tgi.Sdk / bare: **{(double)result.Apps[0].SizeBytes / result.Apps[1].SizeBytes:N2}×**; time ratio: **{result.Apps[0].MedianMs / result.Apps[1].MedianMs:N2}×**.\n");
            AppendSizeBreakdown(result.Apps[0].SizeByComponent, result.Apps[1].SizeByComponent);
        }

        _body.Append('\n');
        return result.Failures;
    }

    // What the Tgi.Sdk app has that the bare one does not, from the ILCompiler map files (largest differences first).
    private void AppendSizeBreakdown(IReadOnlyDictionary<string, long> sdk, IReadOnlyDictionary<string, long> bare)
    {
        if (sdk.Count == 0 || bare.Count == 0)
        {
            return;
        }

        _body.Append("\nWhere the extra bytes are (ILCompiler map file; nodes grouped by assembly, runtime data by node kind; the 12 largest differences):\n\n");
        _body.Append("| Component | Tgi.Sdk app | bare app | Difference |\n|---|---:|---:|---:|\n");
        IEnumerable<string> keys = sdk.Keys.Union(bare.Keys)
            .OrderByDescending(k => Math.Abs(sdk.GetValueOrDefault(k) - bare.GetValueOrDefault(k)))
            .Take(12);
        foreach (string key in keys)
        {
            long a = sdk.GetValueOrDefault(key);
            long b = bare.GetValueOrDefault(key);
            _body.Append(CultureInfo.InvariantCulture, $"| {key} | {Kib(a)} | {Kib(b)} | {(a - b) / 1024.0:+#,0.0;-#,0.0;0} KiB |\n");
        }

        _body.Append(CultureInfo.InvariantCulture,
            $"| **all nodes** | {Kib(sdk.Values.Sum())} | {Kib(bare.Values.Sum())} | {(sdk.Values.Sum() - bare.Values.Sum()) / 1024.0:+#,0.0;-#,0.0;0} KiB |\n");
    }

    public string Write()
    {
        string path = _options.ReportPath ?? Path.Combine(RepositoryRoot.Artifacts, "results", "tgi-bench-report.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"## Run of {_started:yyyy-MM-dd HH:mm} UTC{(_options.Quick ? " (quick smoke run: timings not meaningful)" : string.Empty)}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"- Command: `dotnet run --project benchmarks/Tgi.Sdk.Benchmarks -c Release -- {_options.CommandLine}`\n");
        sb.Append(CultureInfo.InvariantCulture, $"- Machine: {MachineDescription()}\n");
        sb.Append(CultureInfo.InvariantCulture, $"- Runtime: {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier}), Server GC: {System.Runtime.GCSettings.IsServerGC}\n");
        sb.Append(CultureInfo.InvariantCulture, $"- Peers: {PeerVersions()}\n");
        sb.Append(CultureInfo.InvariantCulture, $"- Duration: {(DateTimeOffset.UtcNow - _started).TotalMinutes:N1} min\n\n");
        TargetCheck.Append(sb, _measurements, _memory, _aot);
        sb.Append(_body);
        File.WriteAllText(path, sb.ToString());
        return Path.GetFullPath(path);
    }

    private void AppendRatios(Summary summary)
    {
        BenchmarkCase[] cases = [.. summary.BenchmarksCases.Where(c => summary[c]?.ResultStatistics is not null)];
        var rows = new StringBuilder();
        foreach (IGrouping<string?, BenchmarkCase> group in cases.GroupBy(summary.GetLogicalGroupKey))
        {
            foreach (BenchmarkCase ours in group.Where(IsTgiSdk))
            {
                foreach (BenchmarkCase peer in group.Where(c => !IsTgiSdk(c)))
                {
                    double ourMean = Mean(summary, ours);
                    double peerMean = Mean(summary, peer);
                    double ourBytes = Bytes(summary, ours);
                    double peerBytes = Bytes(summary, peer);
                    rows.Append(CultureInfo.InvariantCulture,
                        $"| {Name(ours)} | {Name(peer)} | {ourMean:N1} | {peerMean:N1} | {peerMean / ourMean:N2}× | {ourBytes:N0} | {peerBytes:N0} |\n");
                }
            }
        }

        if (rows.Length > 0)
        {
            _body.Append("Tgi.Sdk against each peer in the same group (time ratio = peer time / Tgi.Sdk time: above 1 means Tgi.Sdk is faster, below 1 the peer; ns and B per operation as in the table above):\n\n");
            _body.Append("| Tgi.Sdk row | Peer | Tgi.Sdk ns | Peer ns | Time ratio | Tgi.Sdk B | Peer B |\n|---|---|---:|---:|---:|---:|---:|\n");
            _body.Append(rows).Append('\n');
        }
    }

    private static bool IsTgiSdk(BenchmarkCase c) => RowName(c).StartsWith("Tgi.Sdk", StringComparison.Ordinal);

    // BenchmarkDotNet quotes a description that has spaces in it.
    private static string RowName(BenchmarkCase c) => c.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');

    private static string Name(BenchmarkCase c) =>
        RowName(c) + (c.HasParameters ? $" ({c.Parameters.DisplayInfo})" : string.Empty);

    private static double Mean(Summary s, BenchmarkCase c) => s[c]!.ResultStatistics!.Mean;

    private static double Bytes(Summary s, BenchmarkCase c) => s[c]!.GcStats.GetBytesAllocatedPerOperation(c) ?? 0;

    private static string Kib(double bytes) => (bytes / 1024).ToString("N2", CultureInfo.InvariantCulture) + " KiB";

    // BenchmarkDotNet prints the environment above every table; the report says it once.
    private static string StripEnvironment(string markdown)
    {
        int table = markdown.IndexOf("\n|", StringComparison.Ordinal);
        return table >= 0 ? markdown[(table + 1)..] : markdown;
    }

    private static string MachineDescription()
    {
        string cpu = "unknown CPU";
        try
        {
            string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null)
            {
                cpu = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }
        catch (IOException)
        {
        }

        double memGib = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;
        return $"{cpu}, {Environment.ProcessorCount} logical cores, {memGib:N0} GiB, {RuntimeInformation.OSDescription}";
    }

    private static string PeerVersions()
    {
        static string V(Type t) =>
            t.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? t.Assembly.GetName().Version?.ToString() ?? "?";

        return string.Join(", ",
            $"OpenAI {V(typeof(OpenAI.Chat.ChatClient))}",
            $"System.ClientModel {V(typeof(System.ClientModel.ClientResult))}",
            $"Microsoft.Kiota.Serialization.Json {V(typeof(Microsoft.Kiota.Serialization.Json.JsonParseNode))}",
            $"BenchmarkDotNet {V(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute))}",
            $"System.Text.Json {V(typeof(System.Text.Json.JsonSerializer))}");
    }
}
