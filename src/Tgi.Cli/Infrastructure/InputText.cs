// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Cli.Infrastructure;

/// <summary>Text arguments that may come from stdin: <c>-</c> means "read all of standard input".</summary>
internal static class InputText
{
    /// <summary>Resolves a text argument.</summary>
    /// <param name="value">The argument.</param>
    /// <param name="input">Standard input.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The text.</returns>
    public static async Task<string> ResolveAsync(string value, TextReader input, CancellationToken cancellationToken)
    {
        if (value != "-")
        {
            return value;
        }

        string text = await input.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return text.TrimEnd('\r', '\n');
    }
}
