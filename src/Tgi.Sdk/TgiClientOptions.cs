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

    /// <summary>The default maximum size of one stream event: 1 MiB.</summary>
    public const int DefaultMaxEventSize = 1024 * 1024;

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
    /// <c>--api-key</c> only guards the inference routes (API.md §1).
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
    /// </summary>
    public TimeSpan StreamIdleTimeout { get; set; } = DefaultStreamIdleTimeout;

    /// <summary>
    /// Gets or sets the maximum size in bytes of one stream event. A larger event ends the stream with a
    /// <see cref="TgiException"/> instead of being buffered. Default 1 MiB.
    /// </summary>
    public int MaxEventSize { get; set; } = DefaultMaxEventSize;

    /// <summary>Creates a copy, so a client is not affected by later changes.</summary>
    internal TgiClientOptions Clone()
    {
        TgiClientOptions copy = new()
        {
            Endpoint = Endpoint,
            ApiKey = ApiKey,
            RequestTimeout = RequestTimeout,
            StreamIdleTimeout = StreamIdleTimeout,
            MaxEventSize = MaxEventSize,
        };
        foreach (KeyValuePair<string, string> header in Headers)
        {
            copy.Headers[header.Key] = header.Value;
        }

        return copy;
    }
}
