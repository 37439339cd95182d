// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.TestSupport;

namespace Tgi.Sdk.Tests.Infrastructure;

/// <summary>The read-only reference data beside the repository (see <see cref="SharedDataLocator"/>).</summary>
internal static class SharedData
{
    /// <summary>A file under the reference data; skips the running test when it is absent.</summary>
    public static string PathOrSkip(string relative) => SharedDataLocator.PathOrSkip(relative);

    /// <summary>A file under the reference data, or null when it is absent.</summary>
    public static string? TryPath(string relative) => SharedDataLocator.TryPath(relative);

    /// <summary>Reads a file under the reference data, or skips the running test when it is absent.</summary>
    public static string ReadOrSkip(string relative) => File.ReadAllText(SharedDataLocator.PathOrSkip(relative));
}
