// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.CommandLine;

namespace Tgi.Cli.Infrastructure;

/// <summary>The <c>--url</c> and <c>--api-key</c> options that every client command takes.</summary>
internal sealed class ConnectionOptions
{
    /// <summary>Gets the <c>--url</c> option.</summary>
    public Option<string?> Url { get; } = new("--url", "-u")
    {
        Description = $"The TGI server's base address (default: ${Connection.UrlVariable}, else {Connection.DefaultUrl}).",
        HelpName = "URL",
    };

    /// <summary>Gets the <c>--api-key</c> option.</summary>
    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"The API key sent as a bearer token (default: ${Connection.ApiKeyVariable}). Never printed.",
        HelpName = "KEY",
    };

    /// <summary>Adds both options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(ApiKey);
    }

    /// <summary>Resolves the connection from a parse result and the environment.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <param name="context">The context (environment lookup).</param>
    /// <returns>The connection.</returns>
    public Connection Resolve(ParseResult parseResult, CliContext context) =>
        Connection.Resolve(parseResult.GetValue(Url), parseResult.GetValue(ApiKey), context.GetEnvironmentVariable);

    /// <summary>Gets the API key that must never appear in output.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <param name="context">The context (environment lookup).</param>
    /// <returns>The key, or null.</returns>
    public string? Secret(ParseResult parseResult, CliContext context) =>
        Connection.ResolveApiKey(parseResult.GetValue(ApiKey), context.GetEnvironmentVariable);
}
