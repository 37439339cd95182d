// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tgi.Sdk.Testing;
using Tgi.TestSupport;

namespace Tgi.Sdk.Samples.Tests;

/// <summary>
/// docs/compatibility.md's matrices cannot drift from the code: for every row, the emulator is started as that TGI
/// version, and each cell is compared with what the emulator answers to the raw request that shows the feature.
/// </summary>
/// <remarks>
/// The matrices are written from TGI's router source (the reference API notes), not from the emulator. Where the
/// emulator does not reproduce a cell yet, the cell is listed in <see cref="s_knownEmulatorGaps"/> with its reason;
/// such a cell is expected to disagree, and the test fails once it agrees, so the list is emptied as the emulator
/// catches up.
/// </remarks>
[NotInParallel("samples-console")]
public sealed partial class CompatibilityMatrixTests
{
    private const string WeatherTool = """{"type":"function","function":{"name":"get_weather","description":"Weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}""";
    private const string CitySchema = """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""";

    /// <summary>(matrix, TGI row, column): why the emulator disagrees with the documented cell.</summary>
    private static readonly Dictionary<(string Matrix, string Row, string Column), string> s_knownEmulatorGaps = new()
    {
        [("tools", "2.0.4–2.0.x", "response_format types")] = "docs (from API.md) say response_format arrives in 2.0.4; the emulator applies it from 2.1.0: to settle against the router source at v2.0.4",
    };

    private static readonly Dictionary<string, Func<Probe, Task<string>>> s_probes = new(StringComparer.Ordinal)
    {
        ["SSE framing"] = SseFramingAsync,
        ["chat object"] = async p => (await p.ChatAsync("")).GetProperty("object").GetString()!.Wrap(),
        ["chat EOS finish_reason"] = async p => (await p.ChatAsync("")).GetProperty("choices")[0].GetProperty("finish_reason").GetString()!.Wrap(),
        ["chat stream usage"] = StreamUsageAsync,
        ["chat stream error event"] = StreamErrorAsync,
        ["stream_options: null"] = async p => (await p.PostAsync("/v1/chat/completions", p.ChatBody("\"stream\":true,\"stream_options\":null"))).Status == 422 ? "422" : "accepted",
        ["chat model in the answer"] = async p => (await p.ChatAsync("", model: "docs-probe")).GetProperty("model").GetString() == "docs-probe" ? "echoed" : "served model id",
        ["/info prompt limit"] = async p => JsonDocument.Parse((await p.GetAsync("/info")).Body).RootElement.TryGetProperty("max_input_tokens", out _) ? "max_input_tokens".Wrap() : "max_input_length".Wrap(),
        ["tool call (whole answer)"] = ToolCallShapeAsync,
        ["streamed tool_calls"] = StreamedToolCallsAsync,
        ["tool_choice: \"required\""] = async p =>
            (await p.PostAsync("/v1/chat/completions", p.ChatBody($"\"tools\":[{WeatherTool}],\"tool_choice\":\"required\""))).Status == 200 ? "tool call" : "422",
        ["response_format types"] = ResponseFormatAsync,
        ["temperature: 0 (chat)"] = async p => (await p.PostAsync("/v1/chat/completions", p.ChatBody("\"temperature\":0"))).Status == 422 ? "422" : "greedy",
    };

    public static IEnumerable<Func<(string Matrix, string Row, string Version)>> Rows()
    {
        foreach (MatrixTable table in MatrixTable.ReadAll())
        {
            foreach (IReadOnlyList<string> row in table.Rows)
            {
                string matrix = table.Name;
                string tgi = row[0];
                string version = row[1].Trim('`');
                yield return () => (matrix, tgi, version);
            }
        }
    }

    [Test]
    public async Task TheMatrices_CoverEveryReleaseLine_AndEveryColumnHasAProbe()
    {
        IReadOnlyList<MatrixTable> tables = MatrixTable.ReadAll();

        await Assert.That(tables.Select(t => t.Name)).IsEquivalentTo(["responses", "tools"]);
        foreach (MatrixTable table in tables)
        {
            await Assert.That(table.Columns[0]).IsEqualTo("TGI");
            await Assert.That(table.Columns[1]).IsEqualTo("emulator");
            string[] unprobed = [.. table.Columns.Skip(2).Where(c => !s_probes.ContainsKey(c))];
            await Assert.That(unprobed).IsEmpty();
            await Assert.That(table.Rows[0][0]).StartsWith("1.4");
            await Assert.That(table.Rows[^1][0]).EndsWith("3.3.7");
        }
    }

    [Test]
    [MethodDataSource(nameof(Rows))]
    public async Task EveryCell_IsWhatTheEmulatorDoes(string matrix, string row, string version)
    {
        MatrixTable table = MatrixTable.ReadAll().Single(t => t.Name == matrix);
        IReadOnlyList<string> cells = table.Rows.Single(r => r[0] == row);
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions
        {
            WireVersion = WireVersionOf(version),
            Version = version,
            Generator = TgiGenerator.Create(request => request.ToolGrammar.Count > 0
                ? new TgiGeneration(TgiGenerator.Tokenize("""{"function": {"_name": "get_weather", "city": "Paris"}}"""))
                : request.Grammar is not null
                    ? TgiGenerator.Default.Generate(request)
                    : new TgiGeneration(TgiGenerator.Tokenize("Hello there."))),
        });
        using HttpClient http = new() { BaseAddress = tgi.BaseAddress };
        Probe probe = new(http);

        List<string> problems = [];
        for (int i = 2; i < table.Columns.Count; i++)
        {
            string column = table.Columns[i];
            string documented = cells[i];
            string observed = await s_probes[column](probe);
            bool agrees = observed == documented;
            if (s_knownEmulatorGaps.TryGetValue((matrix, row, column), out string? reason))
            {
                if (agrees)
                {
                    problems.Add($"{row} / {column}: the emulator now agrees ('{observed}'); remove the cell from s_knownEmulatorGaps ({reason})");
                }
            }
            else if (!agrees)
            {
                problems.Add($"{row} / {column}: docs/compatibility.md says '{documented}', the emulator as {version} does '{observed}'");
            }
        }

        await Assert.That(problems).IsEmpty();
    }

    private static TgiWireVersion WireVersionOf(string version)
    {
        Version v = Version.Parse(version);
        return v < new Version(2, 0, 4) ? TgiWireVersion.V2_0 : v < new Version(3, 2, 0) ? TgiWireVersion.V2_4 : TgiWireVersion.V3_3;
    }

    private static async Task<string> SseFramingAsync(Probe p)
    {
        Reply reply = await p.PostAsync("/generate_stream", """{"inputs":"Hi","parameters":{"max_new_tokens":2}}""");
        string first = reply.Body.Split('\n').First(line => line.StartsWith("data", StringComparison.Ordinal));
        return first.StartsWith("data: ", StringComparison.Ordinal) ? "`data: <json>`" : "`data:<json>`";
    }

    private static async Task<string> StreamUsageAsync(Probe p)
    {
        Reply reply = await p.PostAsync("/v1/chat/completions", p.ChatBody("\"stream\":true,\"stream_options\":{\"include_usage\":true}"));
        foreach (JsonElement chunk in Events(reply.Body))
        {
            if (chunk.TryGetProperty("usage", out JsonElement usage) && usage.ValueKind == JsonValueKind.Object)
            {
                return chunk.GetProperty("choices").GetArrayLength() == 0 ? "own chunk, `choices: []`" : "on the last content chunk";
            }
        }

        return "none";
    }

    private static async Task<string> StreamErrorAsync(Probe p)
    {
        Reply reply = await p.PostAsync("/v1/chat/completions", p.ChatBody("\"stream\":true,\"top_p\":1.0"));
        JsonElement error = Events(reply.Body).First(e => e.TryGetProperty("error", out _)).GetProperty("error");
        return error.ValueKind == JsonValueKind.String ? """`{"error","error_type"}`""" : """`{"error":{"message","http_status_code"}}`""";
    }

    private static async Task<string> ToolCallShapeAsync(Probe p)
    {
        JsonElement call = (await p.ChatAsync($"\"tools\":[{WeatherTool}],\"tool_choice\":\"get_weather\""))
            .GetProperty("choices")[0].GetProperty("message").GetProperty("tool_calls")[0];
        JsonElement function = call.GetProperty("function");
        if (function.GetProperty("name").GetString() == "tools" && function.TryGetProperty("parameters", out JsonElement parameters) && parameters.ValueKind == JsonValueKind.Object)
        {
            return "`id` 0, name `tools`, `parameters` object";
        }

        string id = call.GetProperty("id").ValueKind == JsonValueKind.Number ? "`id` 0" : "`id` \"0\"";
        string arguments = function.GetProperty("arguments").ValueKind == JsonValueKind.String ? "`arguments` string" : "`arguments` object";
        return $"{id}, {arguments}";
    }

    private static async Task<string> StreamedToolCallsAsync(Probe p)
    {
        Reply reply = await p.PostAsync("/v1/chat/completions", p.ChatBody($"\"stream\":true,\"tools\":[{WeatherTool}],\"tool_choice\":\"get_weather\""));
        foreach (JsonElement chunk in Events(reply.Body))
        {
            if (chunk.TryGetProperty("choices", out JsonElement choices) && choices.GetArrayLength() > 0
                && choices[0].GetProperty("delta").TryGetProperty("tool_calls", out JsonElement calls) && calls.ValueKind != JsonValueKind.Null)
            {
                return calls.ValueKind == JsonValueKind.Array ? "array" : "object";
            }
        }

        return "none";
    }

    private static async Task<string> ResponseFormatAsync(Probe p)
    {
        async Task<bool> ConstrainedAsync(string format)
        {
            Reply reply = await p.PostAsync("/v1/chat/completions", p.ChatBody($"\"response_format\":{format}"));
            if (reply.Status != 200)
            {
                return false;
            }

            string? content = JsonDocument.Parse(reply.Body).RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
            try
            {
                return content is not null && JsonDocument.Parse(content).RootElement.TryGetProperty("city", out _);
            }
            catch (JsonException)
            {
                return false;
            }
        }

        if (await ConstrainedAsync("""{"type":"json_schema","value":{"name":"city","schema":""" + CitySchema + "}}"))
        {
            return "`json`, `json_object`, `json_schema`";
        }

        return await ConstrainedAsync("""{"type":"json","value":""" + CitySchema + "}") && await ConstrainedAsync("""{"type":"json_object","value":""" + CitySchema + "}")
            ? "`json`, `json_object`"
            : "ignored";
    }

    private static IEnumerable<JsonElement> Events(string body)
    {
        foreach (string line in body.Split('\n'))
        {
            if (!line.StartsWith("data:", StringComparison.Ordinal))
            {
                continue;
            }

            string data = line[5..].TrimStart(' ');
            if (data == "[DONE]" || data.Length == 0)
            {
                continue;
            }

            yield return JsonDocument.Parse(data).RootElement;
        }
    }

    private sealed record Reply(int Status, string Body);

    private sealed class Probe(HttpClient http)
    {
        public string ChatBody(string extra, string model = "tgi") =>
            $$"""{"model":"{{model}}","messages":[{"role":"user","content":"Weather in Paris?"}],"max_tokens":64""" + (extra.Length > 0 ? "," + extra : "") + "}";

        public async Task<JsonElement> ChatAsync(string extra, string model = "tgi")
        {
            Reply reply = await PostAsync("/v1/chat/completions", ChatBody(extra, model));
            return reply.Status == 200
                ? JsonDocument.Parse(reply.Body).RootElement
                : throw new InvalidOperationException($"chat answered {reply.Status}: {reply.Body}");
        }

        public async Task<Reply> PostAsync(string path, string json)
        {
            using StringContent content = new(json, Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await http.PostAsync(new Uri(path, UriKind.Relative), content);
            return new Reply((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public async Task<Reply> GetAsync(string path)
        {
            using HttpResponseMessage response = await http.GetAsync(new Uri(path, UriKind.Relative));
            return new Reply((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>A table of docs/compatibility.md, found by the <c>&lt;!-- matrix: NAME --&gt;</c> line before it.</summary>
    private sealed partial record MatrixTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
    {
        public static IReadOnlyList<MatrixTable> ReadAll()
        {
            string[] lines = File.ReadAllLines(Path.Combine(SharedDataLocator.RepositoryRoot!, "docs", "compatibility.md"));
            List<MatrixTable> tables = [];
            for (int i = 0; i < lines.Length; i++)
            {
                Match marker = Marker().Match(lines[i]);
                if (!marker.Success)
                {
                    continue;
                }

                List<string> columns = Cells(lines[i + 1]).Select(Unquote).ToList();
                List<IReadOnlyList<string>> rows = [];
                for (int j = i + 3; j < lines.Length && lines[j].StartsWith('|'); j++)
                {
                    rows.Add(Cells(lines[j]));
                }

                tables.Add(new MatrixTable(marker.Groups["name"].Value, columns, rows));
            }

            return tables;
        }

        private static List<string> Cells(string line) => [.. line.Trim().Trim('|').Split('|').Select(cell => cell.Trim())];

        // Column headers are compared without their code quotes: "chat `object`" is the column "chat object".
        private static string Unquote(string header) => header.Replace("`", "", StringComparison.Ordinal);

        [GeneratedRegex(@"^<!--\s*matrix:\s*(?<name>[a-z-]+)\s*-->$")]
        private static partial Regex Marker();
    }
}

internal static class MatrixCellExtensions
{
    /// <summary>A wire value as the matrix writes it: in code quotes.</summary>
    public static string Wrap(this string value) => $"`{value}`";
}
