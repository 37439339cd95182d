// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk;

namespace Tgi.Cli.Infrastructure;

/// <summary>The server a command talks to: the endpoint and the API key (which is never printed).</summary>
internal sealed class Connection
{
    /// <summary>The endpoint used when neither <c>--url</c> nor <c>TGI_BASE_URL</c> is given.</summary>
    public const string DefaultUrl = "http://localhost:8080";

    /// <summary>The environment variable with the endpoint.</summary>
    public const string UrlVariable = "TGI_BASE_URL";

    /// <summary>The environment variable with the API key.</summary>
    public const string ApiKeyVariable = "TGI_API_KEY";

    private Connection(Uri endpoint, string? apiKey)
    {
        Endpoint = endpoint;
        ApiKey = apiKey;
    }

    /// <summary>Gets the server's base address.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the API key, or null.</summary>
    public string? ApiKey { get; }

    /// <summary>Resolves the endpoint (<c>--url</c>, else <c>TGI_BASE_URL</c>, else the default) and the key.</summary>
    /// <param name="url">The <c>--url</c> value, or null.</param>
    /// <param name="apiKey">The <c>--api-key</c> value, or null.</param>
    /// <param name="environment">The environment lookup.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="UsageException">The address is not an absolute http(s) URL.</exception>
    public static Connection Resolve(string? url, string? apiKey, Func<string, string?> environment)
    {
        string text = NonEmpty(url) ?? NonEmpty(environment(UrlVariable)) ?? DefaultUrl;
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? endpoint)
            || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"'{text}' is not an http:// or https:// address (set --url or {UrlVariable}).");
        }

        return new Connection(endpoint, ResolveApiKey(apiKey, environment));
    }

    /// <summary>Resolves only the API key: <c>--api-key</c>, else <c>TGI_API_KEY</c>.</summary>
    /// <param name="apiKey">The <c>--api-key</c> value, or null.</param>
    /// <param name="environment">The environment lookup.</param>
    /// <returns>The key, or null.</returns>
    public static string? ResolveApiKey(string? apiKey, Func<string, string?> environment) =>
        NonEmpty(apiKey) ?? NonEmpty(environment(ApiKeyVariable));

    /// <summary>Creates a client for this server.</summary>
    /// <returns>The client.</returns>
    public TgiClient CreateClient() => new(Endpoint, new TgiClientOptions { ApiKey = ApiKey });

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
