// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics.CodeAnalysis;

namespace Tgi.Sdk.Internal;

/// <summary>Throws the SDK's exceptions from one place, so hot paths stay small.</summary>
internal static class ThrowHelper
{
    /// <summary>Throws the error event of a stream as a <see cref="TgiException"/>.</summary>
    [DoesNotReturn]
    public static void ThrowInBandError(TgiException exception) => throw exception;

    /// <summary>Throws for an event that is not valid JSON of the expected shape.</summary>
    [DoesNotReturn]
    public static void ThrowMalformedEvent(ReadOnlySpan<byte> data, Exception? inner) =>
        throw TgiErrors.Protocol("The server sent a malformed stream event.", data, inner);

    /// <summary>Throws for an event larger than the configured maximum.</summary>
    [DoesNotReturn]
    public static void ThrowOversizeEvent(int maxEventSize) =>
        throw TgiErrors.Protocol($"A stream event exceeded the maximum event size of {maxEventSize} bytes.", default, null);

    /// <summary>Throws for a stream that ended before its natural end.</summary>
    [DoesNotReturn]
    public static void ThrowStreamCut(string what, Exception? inner = null) =>
        throw Transport($"The stream ended before {what}: the connection was closed early.", inner);

    /// <summary>Throws for an idle gap longer than the idle timeout.</summary>
    [DoesNotReturn]
    public static void ThrowIdleTimeout(TimeSpan idleTimeout, Exception? inner) =>
        throw Timeout($"No stream data arrived within the stream idle timeout of {idleTimeout.TotalSeconds:0.###} s.", inner);

    /// <summary>Throws when a stream waited longer than the event timeout for its next event.</summary>
    [DoesNotReturn]
    public static void ThrowEventTimeout(TimeSpan eventTimeout, Exception? inner) =>
        throw Timeout(
            $"No stream event arrived within the stream event timeout of {eventTimeout.TotalSeconds:0.###} s (keep-alives and partial events do not count).",
            inner);

    /// <summary>Throws for a response body larger than the configured maximum.</summary>
    [DoesNotReturn]
    public static void ThrowResponseTooLarge(int status, long maxResponseSize, long? declared) =>
        throw Protocol(
            status,
            declared is { } length
                ? $"HTTP {status}: the response declares {length} bytes, more than the maximum response size of {maxResponseSize} bytes."
                : $"HTTP {status}: the response body exceeds the maximum response size of {maxResponseSize} bytes.",
            body: null,
            inner: null);

    /// <summary>Throws for a redirect: TGI never redirects, so the address leads somewhere else.</summary>
    [DoesNotReturn]
    public static void ThrowRedirect(int status, Uri? location) =>
        throw Protocol(
            status,
            location is null
                ? $"HTTP {status}: the server answered with a redirect and no Location; TGI never redirects, so the endpoint is not a TGI server."
                : $"HTTP {status}: the server redirected to '{location.OriginalString}'; TGI never redirects, so the endpoint is not a TGI server (redirects are not followed).",
            body: null,
            inner: null);

    /// <summary>Throws for a streaming request answered with something other than an event stream.</summary>
    [DoesNotReturn]
    public static void ThrowNotEventStream(int status, string mediaType, ReadOnlySpan<byte> prefix)
    {
        // The first bytes say what arrived (an HTML login page, a JSON document); the whole prefix is the raw body.
        string? body = prefix.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(prefix);
        string start = body is null ? "an empty body" : $"'{(body.Length > 200 ? body[..200] + "…" : body)}'";
        throw Protocol(
            status,
            $"HTTP {status}: a streaming request was answered with '{mediaType}' instead of 'text/event-stream', starting with {start}.",
            body,
            inner: null);
    }

    /// <summary>Throws for a response body that could not be decoded (for example corrupt gzip).</summary>
    [DoesNotReturn]
    public static void ThrowUndecodableBody(Exception inner) =>
        throw Protocol(0, $"The response body could not be decoded: {inner.Message}", body: null, inner);

    /// <summary>Throws when the request timeout elapsed.</summary>
    [DoesNotReturn]
    public static void ThrowRequestTimeout(TimeSpan timeout, Exception? inner) =>
        throw Timeout($"The request did not complete within the request timeout of {timeout.TotalSeconds:0.###} s.", inner);

    /// <summary>Throws for a transport failure.</summary>
    [DoesNotReturn]
    public static void ThrowTransport(Exception inner) =>
        throw Transport($"The request to TGI failed: {inner.Message}", inner);

    /// <summary>Throws for an unexpected response body.</summary>
    [DoesNotReturn]
    public static void ThrowMalformedResponse(int status, string? body, Exception? inner) =>
        throw Protocol(status, $"HTTP {status}: the response body is not in TGI's format.", body, inner);

    // The three kinds the SDK raises itself: a timeout and a transport failure may pass (retryable), a protocol error
    // will not (the answer is not TGI's).
    private static TgiException Timeout(string message, Exception? inner) =>
        new(message, status: 0, TgiErrorType.Timeout, errorMessage: null, rawResponseBody: null, isRetryable: true, inner);

    private static TgiException Transport(string message, Exception? inner) =>
        new(message, status: 0, TgiErrorType.Transport, errorMessage: null, rawResponseBody: null, isRetryable: true, inner);

    private static TgiException Protocol(int status, string message, string? body, Exception? inner) =>
        new(message, status, TgiErrorType.Protocol, errorMessage: null, body, isRetryable: false, inner);
}
