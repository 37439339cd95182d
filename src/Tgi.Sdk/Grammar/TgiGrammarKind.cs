// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk;

/// <summary>The kind of a grammar constraint (TGI's <c>GrammarType</c> tag).</summary>
public enum TgiGrammarKind
{
    /// <summary><c>json</c>: a JSON Schema with a top-level <c>properties</c>.</summary>
    Json,

    /// <summary><c>regex</c>: a regular expression the output must match.</summary>
    Regex,

    /// <summary><c>json_schema</c> (TGI ≥3.3.0): <c>{"name"?, "schema"}</c>.</summary>
    JsonSchema,
}
