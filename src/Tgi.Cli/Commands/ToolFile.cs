// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Cli.Infrastructure;
using Tgi.Sdk.Chat;

namespace Tgi.Cli.Commands;

/// <summary>
/// Reads <c>--tools FILE</c>: a JSON array of OpenAI-style tools (<c>{"type":"function","function":{name,
/// description, parameters}}</c>) or of bare functions (<c>{name, description, parameters}</c>).
/// </summary>
internal static class ToolFile
{
    /// <summary>Reads the tools.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The tools.</returns>
    /// <exception cref="UsageException">The file is missing or not a tool list.</exception>
    public static IReadOnlyList<ChatTool> Read(string path) => Parse(GrammarFiles.ReadJsonFile(path, "--tools"), path);

    /// <summary>Parses tool JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <returns>The tools.</returns>
    /// <exception cref="UsageException">The JSON is not a tool list.</exception>
    public static IReadOnlyList<ChatTool> Parse(string json, string source)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("tools", out JsonElement wrapped))
        {
            root = wrapped;
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new UsageException($"--tools: '{source}' must hold a JSON array of tools.");
        }

        var tools = new List<ChatTool>();
        foreach (JsonElement item in root.EnumerateArray())
        {
            JsonElement function = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("function", out JsonElement f) ? f : item;
            if (function.ValueKind != JsonValueKind.Object
                || !function.TryGetProperty("name", out JsonElement name) || name.ValueKind != JsonValueKind.String)
            {
                throw new UsageException($"--tools: every tool in '{source}' needs a function name.");
            }

            string? description = function.TryGetProperty("description", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;

            // TGI: a tool without parameters is rejected (API.md §2.2), so an empty object schema stands in.
            JsonElement parameters = function.TryGetProperty("parameters", out JsonElement p) ? p : EmptySchema();
            tools.Add(ChatTool.CreateFunction(name.GetString()!, description, parameters));
        }

        return tools;
    }

    private static JsonElement EmptySchema()
    {
        using JsonDocument document = JsonDocument.Parse("""{"type":"object","properties":{}}""");
        return document.RootElement.Clone();
    }
}
