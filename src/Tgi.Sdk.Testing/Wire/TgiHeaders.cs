// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Tgi.Sdk.Testing;

/// <summary>TGI's x-* response headers.</summary>
internal static class TgiHeaders
{
    /// <summary>Non-stream: compute type, times (compute-time in s, the others in ms), characters and token counts.</summary>
    public static void SetGenerate(HttpResponse response, EmulatorState state, string inputs, int inputTokens, int generatedTokens, long startTimestamp)
    {
        TimeSpan total = Stopwatch.GetElapsedTime(startTimestamp);
        long totalMs = (long)total.TotalMilliseconds;
        long inference = totalMs;
        long perToken = generatedTokens == 0 ? 0 : inference / generatedTokens;
        IHeaderDictionary headers = response.Headers;
        headers["x-compute-type"] = state.Options.ComputeType;
        headers["x-compute-time"] = total.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        headers["x-compute-characters"] = CharCount(inputs).ToString(CultureInfo.InvariantCulture);
        headers["x-total-time"] = totalMs.ToString(CultureInfo.InvariantCulture);
        headers["x-validation-time"] = "0";
        headers["x-queue-time"] = "0";
        headers["x-inference-time"] = inference.ToString(CultureInfo.InvariantCulture);
        headers["x-time-per-token"] = perToken.ToString(CultureInfo.InvariantCulture);
        headers["x-prompt-tokens"] = inputTokens.ToString(CultureInfo.InvariantCulture);
        headers["x-generated-tokens"] = generatedTokens.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Streams: x-compute-type, x-compute-characters and x-accel-buffering: no.</summary>
    public static List<KeyValuePair<string, string>> ForStream(EmulatorState state, string inputs) =>
    [
        new("x-compute-type", state.Options.ComputeType),
        new("x-compute-characters", CharCount(inputs).ToString(CultureInfo.InvariantCulture)),
        new("x-accel-buffering", "no"),
    ];

    /// <summary>Rust's <c>chars().count()</c>: Unicode scalar values, not UTF-16 units.</summary>
    public static int CharCount(string text)
    {
        int count = 0;
        foreach (Rune _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
