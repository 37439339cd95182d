// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>A constraint on the output: a JSON schema or a regular expression.</summary>
public sealed class TgiRequestedGrammar
{
    internal TgiRequestedGrammar(TgiRequestedGrammarKind kind, JsonElement? schema, string? regex)
    {
        Kind = kind;
        Schema = schema;
        Regex = regex;
    }

    /// <summary>Gets the kind of constraint.</summary>
    public TgiRequestedGrammarKind Kind { get; }

    /// <summary>Gets the JSON schema the output must match (for <see cref="TgiRequestedGrammarKind.Json"/>).</summary>
    public JsonElement? Schema { get; }

    /// <summary>Gets the regular expression the output must match (for <see cref="TgiRequestedGrammarKind.Regex"/>).</summary>
    public string? Regex { get; }
}
