// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Logging;

namespace Tgi.Sdk;

/// <content>A client configured from the environment, as the <c>tgi</c> command-line tool is.</content>
public partial class TgiClient
{
    /// <summary>The environment variable with the server's base address: <c>TGI_BASE_URL</c>.</summary>
    public const string BaseUrlEnvironmentVariable = "TGI_BASE_URL";

    /// <summary>The environment variable with the API key: <c>TGI_API_KEY</c>.</summary>
    public const string ApiKeyEnvironmentVariable = "TGI_API_KEY";

    /// <summary>The address used when neither the options nor <c>TGI_BASE_URL</c> give one: <c>http://localhost:8080/</c>.</summary>
    public static readonly Uri DefaultEndpoint = new("http://localhost:8080/");

    /// <summary>
    /// Creates a client from the environment, as the <c>tgi</c> command-line tool does: the base address from
    /// <c>TGI_BASE_URL</c> and the API key from <c>TGI_API_KEY</c>. Values set in <paramref name="options"/> win over
    /// the environment; without either, the address is <see cref="DefaultEndpoint"/> (TGI's Docker port mapped to
    /// 8080) and no key is sent. Empty or blank variables count as unset.
    /// </summary>
    /// <param name="options">Other settings (timeouts, headers), or null for the defaults; copied.</param>
    /// <param name="loggerFactory">The logger factory to log through, or null for none.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentException"><c>TGI_BASE_URL</c> is not an absolute http or https address.</exception>
    public static TgiClient FromEnvironment(TgiClientOptions? options = null, ILoggerFactory? loggerFactory = null) =>
        FromEnvironment(options, loggerFactory, Environment.GetEnvironmentVariable);

    /// <summary>Creates a client from an environment lookup (tests pass their own instead of the process's).</summary>
    internal static TgiClient FromEnvironment(TgiClientOptions? options, ILoggerFactory? loggerFactory, Func<string, string?> environment)
    {
        TgiClientOptions resolved = (options ?? new TgiClientOptions()).Clone();
        if (resolved.Endpoint is null && NonBlank(environment(BaseUrlEnvironmentVariable)) is { } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? endpoint)
                || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                // The value is an address, not a secret, so the message can name it.
                throw new ArgumentException($"{BaseUrlEnvironmentVariable} '{url}' is not an absolute http or https address.", nameof(options));
            }

            resolved.Endpoint = endpoint;
        }

        resolved.ApiKey ??= NonBlank(environment(ApiKeyEnvironmentVariable));
        return new TgiClient(resolved.Endpoint ?? DefaultEndpoint, resolved, loggerFactory);
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
