// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tgi.SpecDiff;

/// <summary>
/// The entries of deviations.json: <c>{"deviations": [{"path": "...", "reason": "..."}]}</c>.
/// Every entry needs a non-empty reason; an entry without one is an error, not a silent waiver.
/// </summary>
internal sealed class DeviationList
{
    private readonly List<Deviation> _entries;

    public DeviationList(IEnumerable<Deviation> entries)
    {
        _entries = [.. entries];
    }

    public static DeviationList Empty { get; } = new([]);

    public IReadOnlyList<Deviation> Entries => _entries;

    public static DeviationList Parse(string json)
    {
        JsonNode? root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (root?["deviations"] is not JsonArray items)
        {
            throw new InvalidDataException("deviations file: expected an object with a \"deviations\" array.");
        }

        var entries = new List<Deviation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            string? path = ReadString(items[i], "path");
            string? reason = ReadString(items[i], "reason");
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new InvalidDataException($"deviations file: entry {i} has no \"path\".");
            }

            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new InvalidDataException($"deviations file: entry {i} ({path}) has no \"reason\"; every deviation must say why.");
            }

            if (!seen.Add(path))
            {
                throw new InvalidDataException($"deviations file: \"{path}\" is listed twice.");
            }

            entries.Add(new Deviation(path, reason));
        }

        return new DeviationList(entries);
    }

    public static DeviationList Load(string file) => Parse(File.ReadAllText(file));

    /// <summary>The first entry that excuses <paramref name="difference"/>, or null when it is not listed.</summary>
    public Deviation? Find(SpecDifference difference) => _entries.Find(d => d.Matches(difference.Path));

    private static string? ReadString(JsonNode? entry, string key) =>
        entry is JsonObject obj && obj[key] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
