// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Tgi.Sdk.Introspection;
using Models = Tgi.Generated.Models;

namespace Tgi.Sdk.Internal;

/// <summary>Reads the introspection bodies and the Prometheus text of <c>/metrics</c>.</summary>
internal static class IntrospectionWire
{
    /// <summary>Reads <c>Info</c> through the generated model.</summary>
    public static TgiInfo ReadInfo(JsonElement e)
    {
        Models.Info info = KiotaBridge.Parse(e, Models.Info.CreateFromDiscriminatorValue);

        // TGI ≤2.0.x named it max_input_length (API.md §8); the generated model keeps it in AdditionalData.
        int maxInput = info.MaxInputTokens
            ?? (info.AdditionalData.TryGetValue("max_input_length", out object? legacy) ? ToCount(legacy) : 0);
        return new TgiInfo(
            info.ModelId ?? string.Empty,
            info.ModelSha,
            info.ModelPipelineTag,
            info.MaxConcurrentRequests ?? 0,
            info.MaxBestOf ?? 0,
            info.MaxStopSequences ?? 0,
            maxInput,
            info.MaxTotalTokens ?? 0,
            info.ValidationWorkers ?? 0,
            info.MaxClientBatchSize ?? 0,
            info.Router,
            info.Version,
            info.Sha,
            info.DockerLabel);
    }

    /// <summary>Reads <c>{"object":"list","data":[…]}</c> through the generated model, or a bare <c>ModelInfo</c> as the spec (wrongly) says.</summary>
    public static IReadOnlyList<TgiModelInfo> ReadModels(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("data", out _))
        {
            Models.ModelList list = KiotaBridge.Parse(e, Models.ModelList.CreateFromDiscriminatorValue);
            List<TgiModelInfo> models = [];
            foreach (Models.ModelInfo m in list.Data ?? [])
            {
                models.Add(ToModel(m));
            }

            return models;
        }

        return e.ValueKind == JsonValueKind.Object ? [ToModel(KiotaBridge.Parse(e, Models.ModelInfo.CreateFromDiscriminatorValue))] : [];
    }

    /// <summary>Reads <c>[SimpleToken]</c> through the generated model.</summary>
    public static IReadOnlyList<TokenizedToken> ReadTokens(JsonElement e)
    {
        List<TokenizedToken> tokens = [];
        foreach (Models.SimpleToken t in KiotaBridge.ParseCollection(e, Models.SimpleToken.CreateFromDiscriminatorValue))
        {
            tokens.Add(ToToken(t));
        }

        return tokens;
    }

    /// <summary>Reads <c>{"tokenize_response":[…],"templated_text":…}</c> through the generated model.</summary>
    public static ChatTokenizeResult ReadChatTokenize(JsonElement e)
    {
        Models.ChatTokenizeResponse response = KiotaBridge.Parse(e, Models.ChatTokenizeResponse.CreateFromDiscriminatorValue);
        List<TokenizedToken> tokens = [];
        foreach (Models.SimpleToken t in response.TokenizeResponse ?? [])
        {
            tokens.Add(ToToken(t));
        }

        return new ChatTokenizeResult(tokens, response.TemplatedText ?? string.Empty);
    }

    /// <summary>Parses the Prometheus text exposition format: <c>name{label="value",…} value [timestamp]</c>.</summary>
    public static IReadOnlyList<TgiMetric> ParseMetrics(string text)
    {
        List<TgiMetric> metrics = [];
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int brace = line.IndexOf('{', StringComparison.Ordinal);
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            string name;
            Dictionary<string, string> labels = new(StringComparer.Ordinal);
            int valueStart;
            if (brace >= 0 && (space < 0 || brace < space))
            {
                name = line[..brace];
                int end = ParseLabels(line, brace + 1, labels);
                valueStart = end + 1;
            }
            else
            {
                if (space < 0)
                {
                    continue;
                }

                name = line[..space];
                valueStart = space;
            }

            if (valueStart >= line.Length)
            {
                throw new FormatException("A metric sample has no value: " + line);
            }

            string rest = line[valueStart..].Trim();
            int valueEnd = rest.IndexOf(' ', StringComparison.Ordinal);
            string valueText = valueEnd < 0 ? rest : rest[..valueEnd];
            metrics.Add(new TgiMetric(name, labels, ParseValue(valueText)));
        }

        return metrics;
    }

    /// <summary>
    /// Reads a count Kiota kept untyped: a number is clamped to 0..<see cref="int.MaxValue"/> (a server may well allow
    /// more than an int counts); anything else (an object, an array, text) reads as 0, as a missing value does.
    /// </summary>
    private static int ToCount(object? value)
    {
        double? number = value switch
        {
            int i => i,
            long l => l,
            double d => d,
            float f => f,
            decimal m => (double)m,
            UntypedInteger u => u.GetValue(),
            UntypedLong u => u.GetValue(),
            UntypedDouble u => u.GetValue(),
            UntypedFloat u => u.GetValue(),
            UntypedDecimal u => (double)u.GetValue(),
            _ => null,
        };
        return number is not { } n || double.IsNaN(n) ? 0 : (int)Math.Clamp(Math.Truncate(n), 0, int.MaxValue);
    }

    private static TgiModelInfo ToModel(Models.ModelInfo m) => new(m.Id ?? string.Empty, m.OwnedBy, m.Created ?? 0);

    private static TokenizedToken ToToken(Models.SimpleToken t) => new(t.Id ?? 0, t.Text ?? string.Empty, t.Start ?? 0, t.Stop ?? 0);

    private static int ParseLabels(string line, int i, Dictionary<string, string> labels)
    {
        while (i < line.Length)
        {
            while (i < line.Length && (line[i] == ',' || line[i] == ' '))
            {
                i++;
            }

            if (i < line.Length && line[i] == '}')
            {
                return i;
            }

            int eq = line.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }

            string key = line[i..eq].Trim();
            i = eq + 1;
            if (i >= line.Length || line[i] != '"')
            {
                break;
            }

            i++;
            System.Text.StringBuilder value = new();
            while (i < line.Length && line[i] != '"')
            {
                if (line[i] == '\\' && i + 1 < line.Length)
                {
                    i++;
                    value.Append(line[i] == 'n' ? '\n' : line[i]);
                }
                else
                {
                    value.Append(line[i]);
                }

                i++;
            }

            labels[key] = value.ToString();
            i++;
        }

        int close = line.IndexOf('}', Math.Min(i, line.Length - 1));
        return close < 0 ? line.Length - 1 : close;
    }

    private static double ParseValue(string text) =>
        text switch
        {
            "+Inf" or "Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
}
