// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>The kinds of output constraint TGI accepts.</summary>
public enum TgiRequestedGrammarKind
{
    /// <summary>JSON matching a schema (<c>json</c>, <c>json_object</c> or <c>json_schema</c>).</summary>
    Json,

    /// <summary>Text matching a regular expression (<c>regex</c>).</summary>
    Regex,
}
