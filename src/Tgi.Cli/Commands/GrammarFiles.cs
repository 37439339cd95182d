// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Tgi.Cli.Infrastructure;
using Tgi.Sdk;

namespace Tgi.Cli.Commands;

/// <summary>Reads <c>--regex</c> and <c>--json-schema FILE</c> into a grammar.</summary>
internal static class GrammarFiles
{
    /// <summary>Builds the grammar, if any.</summary>
    /// <param name="regex">The regex, or null.</param>
    /// <param name="jsonSchemaFile">The schema file, or null.</param>
    /// <returns>The grammar, or null.</returns>
    /// <exception cref="UsageException">Both were given, or the file is missing or not JSON.</exception>
    public static TgiGrammar? Resolve(string? regex, string? jsonSchemaFile)
    {
        if (regex is not null && jsonSchemaFile is not null)
        {
            throw new UsageException("--regex and --json-schema cannot be used together.");
        }

        if (regex is not null)
        {
            return TgiGrammar.Regex(regex);
        }

        return jsonSchemaFile is null ? null : TgiGrammar.Json(ReadJsonFile(jsonSchemaFile, "--json-schema"));
    }

    /// <summary>Reads a JSON file, failing with a usage error that names the option.</summary>
    /// <param name="path">The path.</param>
    /// <param name="option">The option name, for the message.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="UsageException">The file is missing or not JSON.</exception>
    public static string ReadJsonFile(string path, string option)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: cannot read '{path}': {e.Message}", e);
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new UsageException($"{option}: '{path}' is not valid JSON: {e.Message}", e);
        }

        return text;
    }
}
