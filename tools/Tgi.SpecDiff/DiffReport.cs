// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.SpecDiff;

/// <summary>The outcome of a comparison after deviations.json was applied.</summary>
internal sealed class DiffReport
{
    public DiffReport(IReadOnlyList<SpecDifference> all, DeviationList deviations)
    {
        var unlisted = new List<SpecDifference>();
        var listed = new List<(SpecDifference, Deviation)>();
        var used = new HashSet<Deviation>();
        foreach (SpecDifference difference in all)
        {
            Deviation? deviation = deviations.Find(difference);
            if (deviation is null)
            {
                unlisted.Add(difference);
            }
            else
            {
                listed.Add((difference, deviation));
                used.Add(deviation);
            }
        }

        Unlisted = unlisted;
        Listed = listed;
        UnusedDeviations = [.. deviations.Entries.Where(d => !used.Contains(d))];
    }

    /// <summary>Differences no deviation explains: each one fails the diff.</summary>
    public IReadOnlyList<SpecDifference> Unlisted { get; }

    /// <summary>Differences explained by a deviation entry.</summary>
    public IReadOnlyList<(SpecDifference Difference, Deviation Deviation)> Listed { get; }

    /// <summary>Entries that matched nothing in this upstream spec (stale, or about routes upstream never had).</summary>
    public IReadOnlyList<Deviation> UnusedDeviations { get; }

    public bool IsClean => Unlisted.Count == 0;
}
