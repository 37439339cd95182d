// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.Extensions.Logging;

namespace Tgi.Sdk.Internal;

/// <summary>
/// The client's log events, source-generated. They carry only the method, the route, the status, durations, TGI's
/// timing headers as numbers and the SDK's error type: never a prompt, a generated text, a header value, a server
/// message or the API key.
/// </summary>
internal static partial class TgiClientLog
{
    /// <summary>The logger category.</summary>
    public const string Category = "Tgi.Sdk.TgiClient";

    /// <summary>A request was sent.</summary>
    [LoggerMessage(EventId = 1, EventName = "RequestSent", Level = LogLevel.Debug, Message = "TGI request {Method} {Route} sent")]
    public static partial void RequestSent(ILogger logger, string method, string route);

    /// <summary>A request was answered.</summary>
    [LoggerMessage(
        EventId = 2,
        EventName = "ResponseReceived",
        Level = LogLevel.Debug,
        Message = "TGI request {Method} {Route} answered {Status} in {DurationMs} ms (x-total-time {TotalTime}, x-queue-time {QueueTime}, x-inference-time {InferenceTime}, x-compute-time {ComputeTime})")]
    public static partial void ResponseReceived(
        ILogger logger,
        string method,
        string route,
        int status,
        double durationMs,
        double? totalTime,
        double? queueTime,
        double? inferenceTime,
        double? computeTime);

    /// <summary>A request failed.</summary>
    [LoggerMessage(
        EventId = 3,
        EventName = "RequestFailed",
        Level = LogLevel.Warning,
        Message = "TGI request {Method} {Route} failed: {ErrorType} (status {Status}, retryable {IsRetryable})")]
    public static partial void RequestFailed(ILogger logger, string method, string route, string errorType, int status, bool isRetryable);

    /// <summary>Logs a failed request; for use in an exception filter (always false, so the exception flows on).</summary>
    /// <param name="logger">The logger, or null.</param>
    /// <param name="method">The method.</param>
    /// <param name="uri">The address.</param>
    /// <param name="exception">The failure.</param>
    /// <returns>Always <see langword="false"/>.</returns>
    public static bool Failed(ILogger? logger, HttpMethod method, Uri uri, TgiException exception)
    {
        if (logger is not null && logger.IsEnabled(LogLevel.Warning))
        {
            RequestFailed(logger, method.Method, uri.AbsolutePath, KnownErrorType(exception.ErrorType), exception.Status, exception.IsRetryable);
        }

        return false;
    }

    /// <summary>Logs a received response with TGI's timing headers.</summary>
    /// <param name="logger">The logger (enabled for Debug).</param>
    /// <param name="method">The method.</param>
    /// <param name="uri">The address.</param>
    /// <param name="response">The response.</param>
    /// <param name="startTimestamp">The <see cref="System.Diagnostics.Stopwatch"/> timestamp at send.</param>
    public static void Received(ILogger logger, HttpMethod method, Uri uri, HttpResponseMessage response, long startTimestamp) =>
        ResponseReceived(
            logger,
            method.Method,
            uri.AbsolutePath,
            (int)response.StatusCode,
            System.Diagnostics.Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds,
            Timing(response, "x-total-time"),
            Timing(response, "x-queue-time"),
            Timing(response, "x-inference-time"),
            Timing(response, "x-compute-time"));

    // TGI: x-*-time headers are whole milliseconds. A value that is not a finite number is left out, and the raw text
    // is never logged (a hostile server could put anything there).
    private static double? Timing(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out IEnumerable<string>? values)
        && values.FirstOrDefault() is { } text
        && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value)
        && double.IsFinite(value)
            ? value
            : null;

    // The error type may come from the server (its error_type field): log only the values this SDK knows.
    private static string KnownErrorType(TgiErrorType? type) => type is { } t ? KnownErrorTypes.NameOf(t) : "none";
}
