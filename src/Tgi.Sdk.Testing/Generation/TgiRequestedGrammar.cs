// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>A constraint on the output (API.md §7): a JSON schema or a regular expression.</summary>
public sealed class TgiGrammar
{
    internal TgiGrammar(TgiGrammarKind kind, JsonElement? schema, string? regex)
    {
        Kind = kind;
        Schema = schema;
        Regex = regex;
    }

    /// <summary>Gets the kind of constraint.</summary>
    public TgiGrammarKind Kind { get; }

    /// <summary>Gets the JSON schema the output must match (for <see cref="TgiGrammarKind.Json"/>).</summary>
    public JsonElement? Schema { get; }

    /// <summary>Gets the regular expression the output must match (for <see cref="TgiGrammarKind.Regex"/>).</summary>
    public string? Regex { get; }
}
