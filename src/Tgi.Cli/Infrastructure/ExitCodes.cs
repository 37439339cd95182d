// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Cli.Infrastructure;

/// <summary>The process exit codes of every command.</summary>
internal static class ExitCodes
{
    /// <summary>Success (and a healthy server for <c>tgi health</c>).</summary>
    public const int Ok = 0;

    /// <summary>The server answered with an error, was unreachable, or is unhealthy.</summary>
    public const int ServerError = 1;

    /// <summary>The command line was wrong (unknown option, bad value, unreadable file).</summary>
    public const int Usage = 2;

    /// <summary>Cancelled with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
