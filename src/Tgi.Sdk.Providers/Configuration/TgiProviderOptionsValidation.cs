// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers;

/// <summary>Checks provider settings; every message names the key and shows a good value.</summary>
internal static class TgiProviderOptionsValidation
{
    /// <summary>Returns one message per bad setting (empty when all are good).</summary>
    /// <param name="options">The options, after defaults were applied.</param>
    /// <param name="path">The configuration path of the provider, for example <c>Tgi:Providers:0</c>.</param>
    public static List<string> Validate(TgiProviderOptions options, string path)
    {
        List<string> errors = [];
        if (options.Name is { } name && name.Trim().Length != name.Length)
        {
            errors.Add($"{path}:Name: '{name}' has leading or trailing spaces, e.g. primary");
        }

        if (options.Endpoints.Count == 0)
        {
            CheckUrl(options.BaseUrl, path + ":BaseUrl", "http://localhost:8080", errors);
        }

        HashSet<string> seen = new(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < options.Endpoints.Count; i++)
        {
            string key = $"{path}:Endpoints:{i}:Url";
            string? url = options.Endpoints[i].Url;
            if (CheckUrl(url, key, $"http://tgi-{i}:8080", errors) && !seen.Add(new Uri(url!).AbsoluteUri.TrimEnd('/')))
            {
                errors.Add($"{key}: '{url}' is listed twice; each replica needs its own URL, e.g. http://tgi-{i}:8080");
            }
        }

        for (int i = 0; i < options.Models.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Models[i]))
            {
                errors.Add($"{path}:Models:{i}: is empty; give a model id, e.g. meta-llama/Llama-3.1-8B-Instruct");
            }
        }

        CheckTimeout(options.RequestTimeout, path + ":RequestTimeout", "00:02:00", errors);
        CheckTimeout(options.FirstTokenTimeout, path + ":FirstTokenTimeout", "00:01:00", errors);
        CheckTimeout(options.StreamIdleTimeout, path + ":StreamIdleTimeout", "00:01:00", errors);

        if (options.HealthCheckInterval < TimeSpan.Zero)
        {
            errors.Add($"{path}:HealthCheckInterval: '{options.HealthCheckInterval}' must not be negative, e.g. 00:00:30 (00:00:00 turns it off)");
        }

        if (options.HealthCheckTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{path}:HealthCheckTimeout: '{options.HealthCheckTimeout}' must be positive, e.g. 00:00:05");
        }

        foreach (string header in options.Headers.Keys)
        {
            if (header.Length == 0 || !header.All(IsTokenChar))
            {
                errors.Add($"{path}:Headers:{header}: '{header}' is not a valid HTTP header name, e.g. X-Request-Source");
            }
        }

        ValidateResilience(options.Resilience, path + ":Resilience", errors);
        return errors;
    }

    private static void ValidateResilience(TgiResilienceOptions r, string path, List<string> errors)
    {
        if (r.MaxRetries < 0)
        {
            errors.Add($"{path}:MaxRetries: '{r.MaxRetries}' must not be negative, e.g. 1");
        }

        if (r.RetryDelay < TimeSpan.Zero)
        {
            errors.Add($"{path}:RetryDelay: '{r.RetryDelay}' must not be negative, e.g. 00:00:01");
        }

        if (r.MaxRetryDelay < r.RetryDelay)
        {
            errors.Add($"{path}:MaxRetryDelay: '{r.MaxRetryDelay}' must be at least RetryDelay ({r.RetryDelay}), e.g. 00:00:30");
        }

        if (!(r.CircuitBreakerFailureRatio > 0 && r.CircuitBreakerFailureRatio <= 1))
        {
            errors.Add($"{path}:CircuitBreakerFailureRatio: '{r.CircuitBreakerFailureRatio}' must be greater than 0 and at most 1, e.g. 0.5");
        }

        // Polly's circuit breaker needs a throughput of at least 2 and windows of at least half a second.
        if (r.CircuitBreakerMinimumThroughput < 2)
        {
            errors.Add($"{path}:CircuitBreakerMinimumThroughput: '{r.CircuitBreakerMinimumThroughput}' must be at least 2, e.g. 4");
        }

        if (r.CircuitBreakerSamplingDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add($"{path}:CircuitBreakerSamplingDuration: '{r.CircuitBreakerSamplingDuration}' must be at least 00:00:00.5, e.g. 00:00:30");
        }

        if (r.CircuitBreakerBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add($"{path}:CircuitBreakerBreakDuration: '{r.CircuitBreakerBreakDuration}' must be at least 00:00:00.5, e.g. 00:00:30");
        }
    }

    private static void CheckTimeout(TimeSpan value, string key, string example, List<string> errors)
    {
        if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
        {
            errors.Add($"{key}: '{value}' must be positive, e.g. {example}");
        }
    }

    private static bool CheckUrl(string? url, string key, string example, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            errors.Add($"{key}: missing; set the server's base URL, e.g. {example}");
            return false;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            errors.Add($"{key}: '{url}' is not an absolute http(s) URL, e.g. {example}");
            return false;
        }

        return true;
    }

    // RFC 9110 token characters.
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
}
