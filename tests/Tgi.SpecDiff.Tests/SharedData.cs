// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.SpecDiff.Tests;

/// <summary>
/// Finds the repository (the folder holding Tgi.Sdk.sln) and the read-only ../shared reference data
/// next to it. The upstream specs are read from there, never copied into the repository.
/// </summary>
internal static class SharedData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string OurSpec => Path.Combine(RepoRoot, "openapi", "tgi.json");

    public static string OurDeviations => Path.Combine(RepoRoot, "openapi", "deviations.json");

    /// <summary>An upstream spec under ../shared/tgi/openapi; skips the calling test when it is not there.</summary>
    public static string UpstreamSpecOrSkip(string fileName)
    {
        string path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "tgi", "openapi", fileName));
        if (!File.Exists(path))
        {
            // A missing data folder must show up as a skip, not as a silent pass.
            Skip.Test($"Reference spec {path} is not available (../shared is missing next to the repository).");
        }

        return path;
    }

    private static string FindRepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tgi.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Tgi.Sdk.sln above {AppContext.BaseDirectory}.");
    }
}
