// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing.Tests.Conformance;

/// <summary>Finds ../shared/tgi/recordings next to the repository (the folder holding Tgi.Sdk.sln), or null.</summary>
internal static class RecordingLocator
{
    public static string? Root()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Tgi.Sdk.sln")))
            {
                string recordings = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "tgi", "recordings"));
                return Directory.Exists(recordings) ? recordings : null;
            }
        }

        return null;
    }

    /// <summary>Every recording, relative to the root, with forward slashes.</summary>
    public static IEnumerable<string> Files(string root, string folder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(root, folder), pattern, SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
}
