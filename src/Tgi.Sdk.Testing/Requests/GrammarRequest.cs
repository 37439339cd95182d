// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>A bound <c>GrammarType</c> before validation: the kind and the raw value.</summary>
internal sealed class GrammarRequest(string type, JsonElement value)
{
    /// <summary>Gets <c>json</c>, <c>json_object</c>, <c>regex</c> or <c>json_schema</c>.</summary>
    public string Type { get; } = type;

    public JsonElement Value { get; } = value;
}
