// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json.Nodes;

namespace Tgi.SpecDiff;

/// <summary>An OpenAPI 3.0 document read with System.Text.Json, with local <c>$ref</c> resolution.</summary>
internal sealed class SpecDocument
{
    private const int MaxRefHops = 32;
    private readonly JsonObject _root;

    private SpecDocument(JsonObject root, string name)
    {
        _root = root;
        Name = name;
    }

    /// <summary>File name (or a label) for messages.</summary>
    public string Name { get; }

    /// <summary>info.version, or "?" when absent.</summary>
    public string Version => _root["info"]?["version"]?.GetValue<string>() ?? "?";

    public JsonObject Paths => _root["paths"] as JsonObject ?? [];

    public JsonObject Schemas => _root["components"]?["schemas"] as JsonObject ?? [];

    public static SpecDocument Parse(string json, string name) =>
        JsonNode.Parse(json) is JsonObject root && root.ContainsKey("openapi")
            ? new SpecDocument(root, name)
            : throw new InvalidDataException($"{name}: not an OpenAPI document (no \"openapi\" key).");

    public static SpecDocument Load(string file) => Parse(File.ReadAllText(file), Path.GetFileName(file));

    /// <summary>The name a local schema reference points at (<c>#/components/schemas/Foo</c> → Foo), or null.</summary>
    public static string? RefName(JsonNode? node) =>
        node is JsonObject obj && obj["$ref"] is JsonValue value && value.TryGetValue(out string? reference)
            ? reference[(reference.LastIndexOf('/') + 1)..]
            : null;

    /// <summary>Follows <c>$ref</c> chains (schemas, responses, request bodies) to the node they name.</summary>
    public JsonObject? Resolve(JsonNode? node)
    {
        for (int hop = 0; hop < MaxRefHops; hop++)
        {
            if (node is not JsonObject obj)
            {
                return null;
            }

            if (obj["$ref"] is not JsonValue value || !value.TryGetValue(out string? reference))
            {
                return obj;
            }

            node = Pointer(reference);
        }

        throw new InvalidDataException($"{Name}: $ref chain longer than {MaxRefHops} hops (a cycle?).");
    }

    private JsonNode? Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{Name}: only local references are supported, found '{reference}'.");
        }

        JsonNode? node = _root;
        foreach (string raw in reference[2..].Split('/'))
        {
            // JSON Pointer escapes (RFC 6901): ~1 is '/', ~0 is '~'.
            string segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node is JsonObject obj ? obj[segment] : null;
        }

        return node ?? throw new InvalidDataException($"{Name}: unresolved reference '{reference}'.");
    }
}
