// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Cli.Output;

/// <summary>How a command prints its result (<c>--output</c>).</summary>
internal enum OutputFormat
{
    /// <summary>For people: a table on a terminal, plain lines when stdout is redirected.</summary>
    Text,

    /// <summary>For scripts: one JSON document.</summary>
    Json,
}
