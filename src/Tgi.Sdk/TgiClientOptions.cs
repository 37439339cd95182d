// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk;

/// <summary>
/// Client-level settings for <see cref="TgiClient"/>. The client copies them when it is built, so changing an
/// options object afterwards does not affect clients already built from it.
/// </summary>
public sealed class TgiClientOptions
{
    /// <summary>The default request timeout: 120 seconds.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The default stream idle timeout: 60 seconds (TGI sends a keep-alive comment after 15 s of silence).</summary>
    public static readonly TimeSpan DefaultStreamIdleTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The default stream event timeout: 5 minutes (TGI's keep-alives every 15 s do not count, so this bounds a stream
    /// that only keeps the connection alive, for example a request waiting in a long queue).
    /// </summary>
    public static readonly TimeSpan DefaultStreamEventTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The default maximum size of one stream event: 1 MiB.</summary>
    public const int DefaultMaxEventSize = 1024 * 1024;

    /// <summary>The default maximum size of a non-streaming response body: 32 MiB.</summary>
    public const long DefaultMaxResponseSize = 32L * 1024 * 1024;

    /// <summary>Initializes a new instance with the defaults.</summary>
    public TgiClientOptions()
    {
    }

    /// <summary>
    /// Gets or sets the base address of the TGI server, for example <c>http://localhost:8080/</c>. When null, the
    /// endpoint passed to the constructor or the <see cref="HttpClient.BaseAddress"/> is used.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// Gets or sets the API key, sent as <c>Authorization: Bearer &lt;key&gt;</c> on every request. TGI's
    /// <c>--api-key</c> only guards the inference routes.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets the extra headers sent on every request (for example a gateway's routing header).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets or sets how long a request may take: a whole non-streaming call, or a streaming call until the response
    /// headers arrive. <see cref="Timeout.InfiniteTimeSpan"/> disables it. Default 120 s.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = DefaultRequestTimeout;

    /// <summary>
    /// Gets or sets the longest gap allowed between two reads of a stream (events or keep-alives). A longer gap ends
    /// the stream with a <see cref="TgiException"/>. <see cref="Timeout.InfiniteTimeSpan"/> disables it. Default 60 s.
    /// Keep-alives reset it; <see cref="StreamEventTimeout"/> bounds the wait for the next event itself.
    /// </summary>
    public TimeSpan StreamIdleTimeout { get; set; } = DefaultStreamIdleTimeout;

    /// <summary>
    /// Gets or sets the longest a stream may wait for its next event. Unlike <see cref="StreamIdleTimeout"/>, keep-alive
    /// comments and bytes that do not complete an event do not reset it, so a server that only sends keep-alives, or
    /// trickles an event byte by byte, cannot hold the stream open for ever. Only the time spent waiting for the server
    /// counts (not the time your code spends on an update). A longer wait ends the stream with a retryable
    /// <see cref="TgiException"/> of type <see cref="TgiErrorType.Timeout"/>. <see cref="Timeout.InfiniteTimeSpan"/>
    /// disables it. Default 5 minutes.
    /// </summary>
    public TimeSpan StreamEventTimeout { get; set; } = DefaultStreamEventTimeout;

    /// <summary>
    /// Gets or sets the maximum size in bytes of one stream event. A larger event ends the stream with a
    /// <see cref="TgiException"/> instead of being buffered. Default 1 MiB.
    /// </summary>
    public int MaxEventSize { get; set; } = DefaultMaxEventSize;

    /// <summary>
    /// Gets or sets the maximum size in bytes of a non-streaming response body (generate, chat, completions,
    /// tokenize, info, models, metrics, health), counted after decompression. A larger body, or a declared
    /// <c>Content-Length</c> above it, fails with a non-retryable <see cref="TgiException"/> of type
    /// <see cref="TgiErrorType.Protocol"/> without being buffered. It applies to your own <see cref="HttpClient"/> too.
    /// Error bodies are read up to 64 KiB whatever this value. Default 32 MiB.
    /// </summary>
    public long MaxResponseSize { get; set; } = DefaultMaxResponseSize;

    /// <summary>Creates a copy, so a client is not affected by later changes.</summary>
    internal TgiClientOptions Clone()
    {
        TgiClientOptions copy = new()
        {
            Endpoint = Endpoint,
            ApiKey = ApiKey,
            RequestTimeout = RequestTimeout,
            StreamIdleTimeout = StreamIdleTimeout,
            StreamEventTimeout = StreamEventTimeout,
            MaxEventSize = MaxEventSize,
            MaxResponseSize = MaxResponseSize,
        };
        foreach (KeyValuePair<string, string> header in Headers)
        {
            copy.Headers[header.Key] = header.Value;
        }

        return copy;
    }
}
