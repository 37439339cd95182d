// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Tests.Infrastructure;

/// <summary>Finds the read-only reference data in ../shared (never copied into the repository).</summary>
internal static class SharedData
{
    public static string Path(string relative)
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir is not null)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "shared", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        throw new FileNotFoundException("Shared reference data not found: " + relative);
    }

    /// <summary>
    /// Finds a file under ../shared next to the repository (the folder holding Tgi.Sdk.sln, found by walking up from
    /// the test binaries), or returns null when the reference data is not there.
    /// </summary>
    public static string? TryPath(string relative)
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Tgi.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is not { } parent)
        {
            return null;
        }

        string candidate = System.IO.Path.Combine(parent.FullName, "shared", relative);
        return File.Exists(candidate) ? candidate : null;
    }

    /// <summary>Reads a file under ../shared, or skips the running test when the reference data is absent.</summary>
    public static string ReadOrSkip(string relative)
    {
        string? path = TryPath(relative);
        if (path is null)
        {
            Skip.Test("The reference recordings in ../shared are not available: " + relative);
        }

        return File.ReadAllText(path!);
    }
}
