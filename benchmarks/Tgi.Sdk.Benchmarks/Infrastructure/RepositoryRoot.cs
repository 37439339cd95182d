// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Benchmarks.Infrastructure;

/// <summary>Finds the repository root (the folder holding Tgi.Sdk.sln), so outputs land in the same place from any working directory.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> s_path = new(Find);

    public static string Path => s_path.Value;

    /// <summary>BenchmarkDotNet's output folder at the root (ignored by git).</summary>
    public static string Artifacts => System.IO.Path.Combine(Path, "BenchmarkDotNet.Artifacts");

    private static string Find()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Tgi.Sdk.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the Tgi.Sdk repository (no Tgi.Sdk.sln found above).");
    }
}
