// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Cli.Infrastructure;

/// <summary>A command-line mistake found after parsing (for example an unreadable file): exit code 2.</summary>
internal sealed class UsageException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    public UsageException()
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What is wrong, for the user.</param>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and a cause.</summary>
    /// <param name="message">What is wrong, for the user.</param>
    /// <param name="innerException">The cause.</param>
    public UsageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
