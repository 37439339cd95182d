// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.SpecDiff;

/// <summary>A deliberate difference from upstream, listed in openapi/deviations.json with its reason.</summary>
internal sealed record Deviation(string Path, string Reason)
{
    /// <summary>
    /// Exact match on the difference's path; an entry ending in <c>.*</c> also matches everything
    /// below that prefix (<c>schemas.Foo.*</c> matches <c>schemas.Foo.bar</c>, not <c>schemas.Foo</c>).
    /// </summary>
    public bool Matches(string differencePath) =>
        Path.EndsWith(".*", StringComparison.Ordinal)
            ? differencePath.StartsWith(Path[..^1], StringComparison.Ordinal)
            : string.Equals(Path, differencePath, StringComparison.Ordinal);
}
