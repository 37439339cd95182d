// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json.Nodes;

namespace Tgi.SpecDiff;

/// <summary>
/// A property gathered from a schema and all its allOf/oneOf/anyOf members: the same name can come
/// from several variants (GrammarType.value), so it keeps every schema seen.
/// </summary>
internal sealed class CollectedProperty
{
    public CollectedProperty(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public List<JsonNode?> Schemas { get; } = [];

    public bool Required { get; set; }
}
