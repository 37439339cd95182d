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
}
