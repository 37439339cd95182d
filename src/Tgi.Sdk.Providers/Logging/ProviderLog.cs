// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Logging;

namespace Tgi.Sdk.Providers;

/// <summary>
/// The provider's log events (source-generated, no boxing when disabled). They carry provider names, endpoint URLs
/// without user info or query, and reasons the SDK itself words: never a prompt, a generated text, a key or a header.
/// </summary>
internal static partial class ProviderLog
{
    [LoggerMessage(EventId = 1, EventName = "Failover", Level = LogLevel.Warning,
        Message = "TGI provider '{Provider}': failing over from {FromEndpoint} to {ToEndpoint} ({Reason}).")]
    public static partial void Failover(ILogger logger, string provider, string fromEndpoint, string toEndpoint, string reason);

    [LoggerMessage(EventId = 2, EventName = "Retry", Level = LogLevel.Warning,
        Message = "TGI provider '{Provider}': every replica failed (last: {Reason}); retry {Attempt} after {DelayMilliseconds} ms.")]
    public static partial void Retry(ILogger logger, string provider, string reason, int attempt, double delayMilliseconds);

    [LoggerMessage(EventId = 3, EventName = "CircuitOpened", Level = LogLevel.Warning,
        Message = "TGI provider '{Provider}': circuit opened for {Endpoint} for {BreakSeconds} s after repeated failures.")]
    public static partial void CircuitOpened(ILogger logger, string provider, string endpoint, double breakSeconds);

    [LoggerMessage(EventId = 4, EventName = "CircuitHalfOpened", Level = LogLevel.Information,
        Message = "TGI provider '{Provider}': circuit half-open for {Endpoint}; the next request is a trial.")]
    public static partial void CircuitHalfOpened(ILogger logger, string provider, string endpoint);

    [LoggerMessage(EventId = 5, EventName = "CircuitClosed", Level = LogLevel.Information,
        Message = "TGI provider '{Provider}': circuit closed for {Endpoint}; requests flow again.")]
    public static partial void CircuitClosed(ILogger logger, string provider, string endpoint);

    [LoggerMessage(EventId = 6, EventName = "EndpointUnhealthy", Level = LogLevel.Warning,
        Message = "TGI provider '{Provider}': endpoint {Endpoint} is unhealthy ({Reason}).")]
    public static partial void EndpointUnhealthy(ILogger logger, string provider, string endpoint, string reason);

    [LoggerMessage(EventId = 7, EventName = "EndpointHealthy", Level = LogLevel.Information,
        Message = "TGI provider '{Provider}': endpoint {Endpoint} is healthy.")]
    public static partial void EndpointHealthy(ILogger logger, string provider, string endpoint);

    [LoggerMessage(EventId = 8, EventName = "ModelDiscovered", Level = LogLevel.Information,
        Message = "TGI provider '{Provider}': endpoint {Endpoint} serves model '{Model}'.")]
    public static partial void ModelDiscovered(ILogger logger, string provider, string endpoint, string model);

    /// <summary>An endpoint URL fit for logs and health reports: scheme, host, port and path; no user info, query or fragment.</summary>
    public static string Display(Uri url) => url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    /// <summary>
    /// Why a replica failed, in the SDK's own words: the HTTP status and TGI's error type when it is one TGI documents,
    /// or the timeout the SDK enforced. Server-written text (error messages, bodies) never appears: it may echo a prompt
    /// or a key.
    /// </summary>
    public static string Reason(Exception error)
    {
        if (error is Polly.CircuitBreaker.BrokenCircuitException)
        {
            return "circuit open";
        }

        if (error is not TgiException e)
        {
            return error.GetType().Name;
        }

        if (e.Status == 0)
        {
            // Timeout messages are written by the SDK ("... within the request timeout of 120 s."), never by a server.
            return e.ErrorType == TgiErrorType.Timeout ? e.Message.TrimEnd('.') : "connection failure";
        }

        // The error type comes from the server: only a known one is logged.
        return e.ErrorType is { IsKnown: true } type ? $"HTTP {e.Status} {type}" : $"HTTP {e.Status}";
    }
}
