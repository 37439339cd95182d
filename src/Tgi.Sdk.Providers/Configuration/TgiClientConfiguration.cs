// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Tgi.Sdk.Providers;

/// <summary>
/// Binds <see cref="TgiClientOptions"/> from configuration by hand, with the provider's rules: both spellings of every
/// key, unknown keys rejected with the closest known one, no reflection.
/// </summary>
/// <remarks>A new <see cref="TgiClientOptions"/> property that configuration should set needs its row here.</remarks>
internal static class TgiClientConfiguration
{
    private static readonly ConfigurationSetting<TgiClientOptions>[] s_settings =
    [
        new("Endpoint", static (r, k, o) => o.Endpoint = Url(r, k) ?? o.Endpoint, "BaseUrl"),
        new("ApiKey", static (r, k, o) => o.ApiKey = r.String(k) ?? o.ApiKey),
        new("Headers", static (r, k, o) =>
        {
            foreach (IConfigurationSection header in k.GetChildren())
            {
                if (r.String(header) is { } value)
                {
                    o.Headers[header.Key] = value;
                }
            }
        }),
        new("RequestTimeout", static (r, k, o) => o.RequestTimeout = r.Duration(k, "00:02:00 or 120 for 120 seconds") ?? o.RequestTimeout, "Timeout"),
        new("StreamIdleTimeout", static (r, k, o) => o.StreamIdleTimeout = r.Duration(k, "00:01:00 or 60 for 60 seconds") ?? o.StreamIdleTimeout),
        new("StreamEventTimeout", static (r, k, o) => o.StreamEventTimeout = r.Duration(k, "00:05:00 or 300 for 300 seconds") ?? o.StreamEventTimeout),
        new("MaxEventSize", static (r, k, o) => o.MaxEventSize = r.Integer(k, "1048576") ?? o.MaxEventSize),
        new("MaxResponseSize", static (r, k, o) => o.MaxResponseSize = r.LongInteger(k, "33554432") ?? o.MaxResponseSize),
    ];

    /// <summary>Binds a section into the options; throws <see cref="OptionsValidationException"/> naming each bad key.</summary>
    public static void Bind(IConfiguration section, TgiClientOptions options, string optionsName)
    {
        ConfigurationReader reader = new();
        reader.Bind(section, options, s_settings);
        if (reader.Errors.Count > 0)
        {
            throw new OptionsValidationException(optionsName, typeof(TgiClientOptions), reader.Errors);
        }
    }

    private static Uri? Url(ConfigurationReader reader, IConfigurationSection key)
    {
        string? value = reader.String(key);
        if (value is null)
        {
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out Uri? url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        reader.Errors.Add($"{key.Path}: '{value}' is not an absolute http(s) URL, e.g. http://localhost:8080");
        return null;
    }
}
