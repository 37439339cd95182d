// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tgi.Sdk.Samples.Tests;

/// <summary>
/// The request bodies the usage pages show: samples/Tgi.Sdk.Samples/Wire/NAME.json, quoted by docs/usage/*.md. A test
/// captures what the SDK really sent (the emulator's ReceivedRequests) and requires the file to hold the same JSON,
/// keys in the same order. <c>TGI_UPDATE_SNIPPETS=1</c> rewrites the file from the capture instead.
/// </summary>
internal static class WireSnapshot
{
    private static readonly JsonSerializerOptions s_indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string PathOf(string name) => Path.Combine(SnippetSource.SamplesDirectory, "Tgi.Sdk.Samples", "Wire", name);

    /// <summary>Returns the differences between the captured body and the documented one (empty when they agree).</summary>
    public static async Task<string?> CompareAsync(string name, string capturedBody)
    {
        JsonNode captured = JsonNode.Parse(capturedBody) ?? throw new InvalidOperationException($"{name}: the captured body is null JSON.");
        string path = PathOf(name);
        if (Environment.GetEnvironmentVariable("TGI_UPDATE_SNIPPETS") == "1")
        {
            await File.WriteAllTextAsync(path, captured.ToJsonString(s_indented) + "\n");
        }

        if (!File.Exists(path))
        {
            return $"{name}: no such file under samples/Tgi.Sdk.Samples/Wire (run the tests with TGI_UPDATE_SNIPPETS=1)";
        }

        JsonNode? documented = JsonNode.Parse(await File.ReadAllTextAsync(path));
        string expected = documented?.ToJsonString(s_compact) ?? "null";
        string actual = captured.ToJsonString(s_compact);
        return expected == actual ? null : $"{name}: the docs show\n{expected}\nbut the SDK sent\n{actual}";
    }
}
