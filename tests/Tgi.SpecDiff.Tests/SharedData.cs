// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.TestSupport;

namespace Tgi.SpecDiff.Tests;

/// <summary>
/// The repository's own spec files, and the upstream specs in the read-only reference data beside the repository
/// (see <see cref="SharedDataLocator"/>), read from there and never copied into the repository.
/// </summary>
internal static class SharedData
{
    public static string RepoRoot { get; } = SharedDataLocator.RepositoryRoot
        ?? throw new InvalidOperationException($"No Tgi.Sdk.sln above {AppContext.BaseDirectory}.");

    public static string OurSpec => Path.Combine(RepoRoot, "openapi", "tgi.json");

    public static string OurDeviations => Path.Combine(RepoRoot, "openapi", "deviations.json");

    /// <summary>An upstream spec under tgi/openapi in the reference data; skips the calling test when it is not there.</summary>
    public static string UpstreamSpecOrSkip(string fileName) => SharedDataLocator.PathOrSkip("tgi/openapi/" + fileName);
}
