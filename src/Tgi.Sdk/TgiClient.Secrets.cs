// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Internal;

namespace Tgi.Sdk;

/// <summary>The client's secrets, kept out of every error text a server sends back.</summary>
public partial class TgiClient
{
    private SecretRedactor? _redactor;

    /// <summary>
    /// Gets what removes this client's API key and header values from server-derived text (built on first use: the
    /// options never change after construction, so a race builds the same value twice at worst).
    /// </summary>
    internal SecretRedactor Redactor => _redactor ??= SecretRedactor.Create(_options.ApiKey, _options.Headers);
}
