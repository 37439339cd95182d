// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.TestSupport;

namespace Tgi.Sdk.Testing.Tests.Conformance;

/// <summary>Finds tgi/recordings in the reference data beside the repository (<see cref="SharedDataLocator"/>), or null.</summary>
internal static class RecordingLocator
{
    public static string? Root() => SharedDataLocator.TryPath("tgi/recordings");

    /// <summary>Every recording, relative to the root, with forward slashes.</summary>
    public static IEnumerable<string> Files(string root, string folder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(root, folder), pattern, SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
}
