// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.TestSupport;

/// <summary>
/// The one place every test project finds the read-only reference data (recordings from real TGI servers, upstream
/// specs) that lives beside the repository and is never copied into it.
/// </summary>
/// <remarks>
/// The folder is <c>$TGI_SDK_SHARED_DIR</c> when that variable is set (an empty or missing folder means "no data",
/// which is how CI proves the suite passes for a newcomer without it), else <c>../shared</c> next to the folder that
/// holds <c>Tgi.Sdk.sln</c>. Tests that need the data skip, with a reason, when it is absent.
/// </remarks>
internal static class SharedDataLocator
{
    /// <summary>The environment variable that names the reference data folder.</summary>
    public const string EnvironmentVariable = "TGI_SDK_SHARED_DIR";

    private static readonly Lazy<string?> s_root = new(FindRoot);

    /// <summary>Gets the reference data folder, or null when it is absent.</summary>
    public static string? Root => s_root.Value;

    /// <summary>Gets the repository root (the folder holding Tgi.Sdk.sln), or null when the tests run elsewhere.</summary>
    public static string? RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Gets why the data is absent, for skip messages.</summary>
    public static string MissingReason =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { } named
            ? $"the reference data folder {EnvironmentVariable}='{named}' does not exist"
            : "the reference data folder ../shared is not next to the repository";

    /// <summary>A file or folder under the reference data, or null when it (or the whole folder) is absent.</summary>
    public static string? TryPath(string relative)
    {
        if (Root is not { } root)
        {
            return null;
        }

        string candidate = Path.GetFullPath(Path.Combine(root, relative));
        return File.Exists(candidate) || Directory.Exists(candidate) ? candidate : null;
    }

    /// <summary>A file or folder under the reference data; skips the running test when it is absent.</summary>
    public static string PathOrSkip(string relative)
    {
        string? path = TryPath(relative);
        if (path is null)
        {
            Skip.Test($"Skipped: {relative} is not available ({MissingReason}).");
        }

        return path!;
    }

    private static string? FindRoot()
    {
        string? named = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (named is not null)
        {
            return named.Length > 0 && Directory.Exists(named) && Directory.EnumerateFileSystemEntries(named).Any()
                ? Path.GetFullPath(named)
                : null;
        }

        if (RepositoryRoot is not { } repository)
        {
            return null;
        }

        string shared = Path.GetFullPath(Path.Combine(repository, "..", "shared"));
        return Directory.Exists(shared) ? shared : null;
    }

    private static string? FindRepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tgi.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
