// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json.Nodes;

namespace Tgi.SpecDiff;

/// <summary>
/// Lists every path, operation, response, schema and property that the upstream document has and
/// ours lacks or types differently. Things only ours has are not differences.
/// </summary>
internal sealed class SpecComparer
{
    private static readonly string[] s_methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    private readonly SpecDocument _upstream;
    private readonly SpecDocument _ours;
    private readonly SchemaDescriber _upstreamTypes;
    private readonly SchemaDescriber _ourTypes;
    private readonly string _oursLabel;

    /// <param name="upstream">The spec whose content must be covered.</param>
    /// <param name="ours">Our spec, or the older upstream spec in --base mode.</param>
    /// <param name="oursLabel">How messages name <paramref name="ours"/> ("ours" or "base").</param>
    public SpecComparer(SpecDocument upstream, SpecDocument ours, string oursLabel = "ours")
    {
        _upstream = upstream;
        _ours = ours;
        _oursLabel = oursLabel;
        _upstreamTypes = new SchemaDescriber(upstream);
        _ourTypes = new SchemaDescriber(ours);
    }

    public IReadOnlyList<SpecDifference> Compare()
    {
        var differences = new List<SpecDifference>();
        ComparePaths(differences);
        CompareSchemas(differences);
        return differences;
    }

    private static string Combine(SchemaDescriber describer, List<JsonNode?> schemas)
    {
        string[] parts = [.. schemas.Select(describer.Describe).Distinct().Order(StringComparer.Ordinal)];
        return parts.Length == 1 ? parts[0] : $"oneOf({string.Join('|', parts)})";
    }

    private void ComparePaths(List<SpecDifference> differences)
    {
        foreach ((string path, JsonNode? upstreamItem) in _upstream.Paths)
        {
            string key = $"paths.{path}";
            if (_ours.Paths[path] is not JsonObject ourItem)
            {
                differences.Add(new SpecDifference(key, "path missing"));
                continue;
            }

            foreach (string method in s_methods)
            {
                if (upstreamItem?[method] is not JsonObject upstreamOperation)
                {
                    continue;
                }

                if (ourItem[method] is not JsonObject ourOperation)
                {
                    differences.Add(new SpecDifference($"{key}.{method}", "operation missing"));
                    continue;
                }

                CompareOperation($"{key}.{method}", upstreamOperation, ourOperation, differences);
            }
        }
    }

    private void CompareOperation(string key, JsonObject upstream, JsonObject ours, List<SpecDifference> differences)
    {
        CompareParameters(key, upstream, ours, differences);
        if (upstream["requestBody"] is not null)
        {
            CompareContent($"{key}.requestBody", _upstream.Resolve(upstream["requestBody"]), _ours.Resolve(ours["requestBody"]), differences);
        }

        foreach ((string status, JsonNode? upstreamResponse) in upstream["responses"] as JsonObject ?? [])
        {
            string responseKey = $"{key}.responses.{status}";
            if (ours["responses"]?[status] is not JsonNode ourResponse)
            {
                differences.Add(new SpecDifference(responseKey, "response missing"));
                continue;
            }

            CompareContent(responseKey, _upstream.Resolve(upstreamResponse), _ours.Resolve(ourResponse), differences);
        }
    }

    // Parameters are keyed by location and name: paths./x.get.parameters.query.limit.
    private void CompareParameters(string key, JsonObject upstream, JsonObject ours, List<SpecDifference> differences)
    {
        Dictionary<string, JsonObject> ourParameters = Parameters(_ours, ours);
        foreach ((string id, JsonObject upstreamParameter) in Parameters(_upstream, upstream))
        {
            string parameterKey = $"{key}.parameters.{id}";
            if (!ourParameters.TryGetValue(id, out JsonObject? ourParameter))
            {
                differences.Add(new SpecDifference(parameterKey, "parameter missing"));
                continue;
            }

            string upstreamType = _upstreamTypes.Describe(upstreamParameter["schema"]);
            string ourType = _ourTypes.Describe(ourParameter["schema"]);
            if (upstreamType != ourType)
            {
                differences.Add(new SpecDifference(parameterKey, $"type differs: upstream {upstreamType}, {_oursLabel} {ourType}"));
            }
        }
    }

    private static Dictionary<string, JsonObject> Parameters(SpecDocument document, JsonObject operation)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (JsonNode? node in operation["parameters"] as JsonArray ?? [])
        {
            if (document.Resolve(node) is JsonObject parameter)
            {
                result[$"{parameter["in"]?.GetValue<string>()}.{parameter["name"]?.GetValue<string>()}"] = parameter;
            }
        }

        return result;
    }

    private void CompareContent(string key, JsonObject? upstream, JsonObject? ours, List<SpecDifference> differences)
    {
        if (ours is null)
        {
            differences.Add(new SpecDifference(key, "missing"));
            return;
        }

        foreach ((string mediaType, JsonNode? upstreamMedia) in upstream?["content"] as JsonObject ?? [])
        {
            if (ours["content"]?[mediaType] is not JsonObject ourMedia)
            {
                differences.Add(new SpecDifference($"{key}.{mediaType}", "media type missing"));
                continue;
            }

            string upstreamType = _upstreamTypes.Describe(upstreamMedia?["schema"]);
            string ourType = _ourTypes.Describe(ourMedia["schema"]);
            if (upstreamType != ourType)
            {
                differences.Add(new SpecDifference($"{key}.{mediaType}", $"schema differs: upstream {upstreamType}, {_oursLabel} {ourType}"));
            }
        }
    }

    private void CompareSchemas(List<SpecDifference> differences)
    {
        foreach ((string name, JsonNode? upstreamSchema) in _upstream.Schemas)
        {
            string key = $"schemas.{name}";
            if (_ours.Schemas[name] is not JsonObject ourSchema)
            {
                differences.Add(new SpecDifference(key, "schema missing"));
                continue;
            }

            string upstreamShape = _upstreamTypes.Describe(upstreamSchema);
            string ourShape = _ourTypes.Describe(ourSchema);
            if (upstreamShape != ourShape)
            {
                differences.Add(new SpecDifference(key, $"shape differs: upstream {upstreamShape}, {_oursLabel} {ourShape}"));
            }

            CompareEnums(key, _upstreamTypes.EnumValues(upstreamSchema), _ourTypes.EnumValues(ourSchema), differences);
            CompareProperties(key, _upstreamTypes.CollectProperties(upstreamSchema), _ourTypes.CollectProperties(ourSchema), differences);
        }
    }

    private void CompareProperties(
        string key,
        SortedDictionary<string, CollectedProperty> upstream,
        SortedDictionary<string, CollectedProperty> ours,
        List<SpecDifference> differences)
    {
        foreach ((string name, CollectedProperty upstreamProperty) in upstream)
        {
            string propertyKey = $"{key}.{name}";
            if (!ours.TryGetValue(name, out CollectedProperty? ourProperty))
            {
                differences.Add(new SpecDifference(propertyKey, "property missing"));
                continue;
            }

            string upstreamType = Combine(_upstreamTypes, upstreamProperty.Schemas);
            string ourType = Combine(_ourTypes, ourProperty.Schemas);
            if (upstreamType != ourType)
            {
                differences.Add(new SpecDifference(propertyKey, $"type differs: upstream {upstreamType}, {_oursLabel} {ourType}"));
            }

            if (upstreamProperty.Required != ourProperty.Required)
            {
                differences.Add(new SpecDifference(propertyKey,
                    upstreamProperty.Required ? $"required upstream, optional in {_oursLabel}" : $"optional upstream, required in {_oursLabel}"));
            }

            var upstreamEnum = new SortedSet<string>(upstreamProperty.Schemas.SelectMany(_upstreamTypes.EnumValues), StringComparer.Ordinal);
            var ourEnum = new SortedSet<string>(ourProperty.Schemas.SelectMany(_ourTypes.EnumValues), StringComparer.Ordinal);
            CompareEnums(propertyKey, upstreamEnum, ourEnum, differences);
        }
    }

    private static void CompareEnums(string key, SortedSet<string> upstream, SortedSet<string> ours, List<SpecDifference> differences)
    {
        // Only values upstream allows and ours lacks matter. When ours has no enum at all it accepts any
        // string there, which is wider, not a loss (the type comparison already caught real changes).
        string[] missing = [.. upstream.Where(v => !ours.Contains(v))];
        if (ours.Count > 0 && missing.Length > 0)
        {
            differences.Add(new SpecDifference(key, $"enum values missing: {string.Join(", ", missing)}"));
        }
    }
}
