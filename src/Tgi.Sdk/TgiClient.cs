// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tgi.Sdk.Internal;
using Tgi.Sdk.Streaming;
using Tgi.Sdk.Telemetry;

namespace Tgi.Sdk;

/// <summary>
/// The client for a Hugging Face Text Generation Inference (TGI) server: the native API (<c>/generate</c>,
/// <c>/generate_stream</c>, compat <c>/</c>), the OpenAI-compatible API (<c>/v1/chat/completions</c>,
/// <c>/v1/completions</c>) and introspection (<c>/health</c>, <c>/info</c>, <c>/v1/models</c>, <c>/tokenize</c>,
/// <c>/chat_tokenize</c>, <c>/metrics</c>).
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe: share one instance. Every failure is a <see cref="TgiException"/>; cancelling a
/// token throws <see cref="OperationCanceledException"/>.</para>
/// <para>Requests carry only what the caller set: TGI's defaults differ from its own spec and from OpenAI's,
/// so nothing is sent on the caller's behalf.</para>
/// </remarks>
public partial class TgiClient
{
    private static readonly Lazy<HttpClient> s_sharedHttpClient = new(CreateSharedHttpClient);
    private static readonly MediaTypeWithQualityHeaderValue s_acceptJson = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue s_acceptEventStream = new("text/event-stream");
    private static readonly ProductInfoHeaderValue s_userAgent = new("Tgi.Sdk", typeof(TgiClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    // The body is JSON for TGI, never embedded in HTML: keep non-ASCII text and '+' as they are (smaller bodies).

    private readonly HttpClient _httpClient;
    private readonly TgiClientOptions _options;
    private readonly Uri _endpoint;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly KiotaBridge _kiota;
    private readonly ILogger? _logger;

    /// <summary>Initializes a new instance for a TGI server.</summary>
    /// <param name="endpoint">The server's base address, for example <c>http://localhost:8080/</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="endpoint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not an absolute http or https address.</exception>
    public TgiClient(Uri endpoint)
        : this(endpoint, new TgiClientOptions())
    {
    }

    /// <summary>Initializes a new instance for a TGI server, with options.</summary>
    /// <param name="endpoint">The server's base address.</param>
    /// <param name="options">The options; copied, so later changes do not affect this client.</param>
    /// <exception cref="ArgumentNullException"><paramref name="endpoint"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not an absolute http or https address.</exception>
    public TgiClient(Uri endpoint, TgiClientOptions options)
        : this(endpoint, options, loggerFactory: null)
    {
    }

    /// <summary>Initializes a new instance for a TGI server, with options and logging.</summary>
    /// <param name="endpoint">The server's base address.</param>
    /// <param name="options">The options; copied, so later changes do not affect this client.</param>
    /// <param name="loggerFactory">
    /// The logger factory to log through (category <c>Tgi.Sdk.TgiClient</c>), or null for none. At Debug: each request
    /// sent (method, route) and answered (status, duration, TGI's timing headers); at Warning: each request that failed
    /// (error type, status). Prompts, generated text, header values and the API key are never logged. Without a
    /// factory, or with Debug and Warning disabled, the client does no logging work.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="endpoint"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not an absolute http or https address.</exception>
    public TgiClient(Uri endpoint, TgiClientOptions options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(options);
        _options = Validate(options.Clone());
        _endpoint = NormalizeEndpoint(endpoint, nameof(endpoint));
        _httpClient = s_sharedHttpClient.Value;
        _authorization = CreateAuthorization(_options.ApiKey);
        _kiota = new KiotaBridge(_httpClient, _endpoint);
        _logger = loggerFactory?.CreateLogger(TgiClientLog.Category);
    }

    /// <summary>
    /// Initializes a new instance over your own <see cref="HttpClient"/> (for example one from
    /// <c>IHttpClientFactory</c>). The base address is <see cref="TgiClientOptions.Endpoint"/>, or else
    /// <see cref="HttpClient.BaseAddress"/>.
    /// </summary>
    /// <param name="httpClient">The HTTP client; not disposed by this client. Its own <see cref="HttpClient.Timeout"/> also applies.</param>
    /// <remarks>
    /// <para>Leaving a stream early disposes the response; whether the connection then closes at once depends on the
    /// handler: a <see cref="SocketsHttpHandler"/> drains up to <see cref="SocketsHttpHandler.MaxResponseDrainSize"/>
    /// bytes first (set it to 0 to close at once, as the clients built from a <see cref="Uri"/> do).</para>
    /// <para>Redirects: TGI never redirects, so the clients built from a <see cref="Uri"/> do not follow them, and a
    /// 3xx answer is a <see cref="TgiException"/> that names its <c>Location</c>. A handler of yours that follows
    /// redirects (<see cref="SocketsHttpHandler.AllowAutoRedirect"/> is true by default) is your choice: it drops the
    /// <c>Authorization</c> header on the way, but sends <see cref="TgiClientOptions.Headers"/> to the other host, and
    /// a 301, 302 or 303 turns a POST into a GET without a body. Set <see cref="SocketsHttpHandler.AllowAutoRedirect"/>
    /// to false unless you need redirects.</para>
    /// <para><see cref="TgiClientOptions.MaxResponseSize"/> applies to this client too: bodies are read by the SDK
    /// with a bound, not buffered by <see cref="HttpClient"/>.</para>
    /// </remarks>
    /// <param name="options">The options, or null for the defaults; copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> is null.</exception>
    /// <exception cref="ArgumentException">Neither the options nor the HTTP client give a base address.</exception>
    public TgiClient(HttpClient httpClient, TgiClientOptions? options = null)
        : this(httpClient, options, loggerFactory: null)
    {
    }

    /// <summary>
    /// Initializes a new instance over your own <see cref="HttpClient"/>, with logging (for example the container's
    /// <see cref="ILoggerFactory"/>). Everything said of <see cref="TgiClient(HttpClient, TgiClientOptions)"/> applies.
    /// </summary>
    /// <param name="httpClient">The HTTP client; not disposed by this client.</param>
    /// <param name="options">The options, or null for the defaults; copied.</param>
    /// <param name="loggerFactory">The logger factory to log through, or null for none (see <see cref="TgiClient(Uri, TgiClientOptions, ILoggerFactory)"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> is null.</exception>
    /// <exception cref="ArgumentException">Neither the options nor the HTTP client give a base address.</exception>
    public TgiClient(HttpClient httpClient, TgiClientOptions? options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _options = Validate((options ?? new TgiClientOptions()).Clone());
        Uri endpoint = _options.Endpoint ?? httpClient.BaseAddress
            ?? throw new ArgumentException("Set TgiClientOptions.Endpoint or HttpClient.BaseAddress.", nameof(options));
        _endpoint = NormalizeEndpoint(endpoint, nameof(options));
        _httpClient = httpClient;
        _authorization = CreateAuthorization(_options.ApiKey);
        _kiota = new KiotaBridge(_httpClient, _endpoint);
        _logger = loggerFactory?.CreateLogger(TgiClientLog.Category);
    }

    /// <summary>Initializes a new instance for mocking; its methods must be overridden.</summary>
    protected TgiClient()
    {
        _httpClient = null!;
        _options = new TgiClientOptions();
        _endpoint = null!;
        _kiota = null!;
    }

    /// <summary>Gets the base address of the TGI server.</summary>
    public virtual Uri Endpoint => _endpoint;

    private static HttpClient CreateSharedHttpClient()
    {
        SocketsHttpHandler handler = new()
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,

            // TGI never redirects: a redirect means the address leads elsewhere (a proxy's login page, another
            // host), where the extra headers must not go and a POST must not turn into a GET. A 3xx is an error.
            AllowAutoRedirect = false,

            // Close a connection at once when a stream is left early, instead of draining it: TGI stops
            // generating for a request whose client has gone.
            MaxResponseDrainSize = 0,
        };

        // Timeouts are the client's own (request and idle); HttpClient's is switched off.
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static TgiClientOptions Validate(TgiClientOptions options)
    {
        if (options.MaxEventSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxEventSize must be positive.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero && options.RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "RequestTimeout must be positive or infinite.");
        }

        if (options.StreamIdleTimeout <= TimeSpan.Zero && options.StreamIdleTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "StreamIdleTimeout must be positive or infinite.");
        }

        if (options.StreamEventTimeout <= TimeSpan.Zero && options.StreamEventTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "StreamEventTimeout must be positive or infinite.");
        }

        if (options.MaxResponseSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxResponseSize must be positive.");
        }

        return options;
    }

    private static Uri NormalizeEndpoint(Uri endpoint, string paramName)
    {
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The endpoint must be an absolute http or https address.", paramName);
        }

        // A base address without a trailing slash would lose its last segment when routes are appended.
        string text = endpoint.AbsoluteUri;
        return text.EndsWith('/') ? endpoint : new Uri(text + "/");
    }

    private static AuthenticationHeaderValue? CreateAuthorization(string? apiKey) =>
        string.IsNullOrEmpty(apiKey) ? null : new AuthenticationHeaderValue("Bearer", apiKey);

    /// <summary>Builds a request message for a route.</summary>
    internal HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, byte[]? body, bool streaming)
    {
        HttpRequestMessage request = new(method, uri);
        request.Headers.Accept.Add(streaming ? s_acceptEventStream : s_acceptJson);
        request.Headers.UserAgent.Add(s_userAgent);
        if (_authorization is not null)
        {
            request.Headers.Authorization = _authorization;
        }

        foreach (KeyValuePair<string, string> header in _options.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            ByteArrayContent content = new(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Content = content;
        }

        return request;
    }

    /// <summary>
    /// Sends a streaming request and returns the successful response as soon as its headers arrive (checked to be an
    /// event stream), or throws the <see cref="TgiException"/> for the error.
    /// </summary>
    /// <param name="uri">The address (a route the generated client built).</param>
    /// <param name="body">The JSON body.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The response, its body unread.</returns>
    internal async Task<HttpResponseMessage> SendStreamingAsync(Uri uri, byte[] body, CancellationToken cancellationToken)
    {
        (HttpResponseMessage response, _) = await SendCoreAsync(HttpMethod.Post, uri, body, streaming: true, acceptStatus: 0, cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <summary>
    /// Sends a non-streaming request and returns the successful response with its body read (bounded by
    /// <see cref="TgiClientOptions.MaxResponseSize"/>), or throws the <see cref="TgiException"/> for the error.
    /// </summary>
    /// <param name="method">The method.</param>
    /// <param name="uri">The address (a route the generated client built).</param>
    /// <param name="body">The JSON body, if any.</param>
    /// <param name="acceptStatus">A non-success status to return instead of throwing (for <c>/health</c>), or 0.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The response and its body; the caller disposes both.</returns>
    internal Task<(HttpResponseMessage Response, ResponseBody Body)> SendBufferedAsync(
        HttpMethod method,
        Uri uri,
        byte[]? body,
        int acceptStatus,
        CancellationToken cancellationToken) =>
        SendCoreAsync(method, uri, body, streaming: false, acceptStatus, cancellationToken);

    private async Task<(HttpResponseMessage Response, ResponseBody Body)> SendCoreAsync(
        HttpMethod method,
        Uri uri,
        byte[]? body,
        bool streaming,
        int acceptStatus,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using HttpRequestMessage request = CreateRequest(method, uri, body, streaming);
        CancellationTokenSource? timeoutCts = null;
        CancellationToken token = cancellationToken;
        if (_options.RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutCts.CancelAfter(_options.RequestTimeout);
            token = timeoutCts.Token;
        }

        long started = 0;
        if (_logger is not null && _logger.IsEnabled(LogLevel.Debug))
        {
            TgiClientLog.RequestSent(_logger, method.Method, uri.AbsolutePath);
            started = Stopwatch.GetTimestamp();
        }

        HttpResponseMessage? response = null;
        try
        {
            try
            {
                // Always headers first: the SDK reads every body itself, with a bound (HttpClient would buffer
                // up to 2 GiB, and a user's HttpClient may have any buffer limit).
                response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode && status != acceptStatus)
                {
                    if (status is >= 300 and < 400)
                    {
                        // TGI never redirects (the SDK's handler does not follow them): name where it points.
                        ThrowHelper.ThrowRedirect(status, response.Headers.Location);
                    }

                    // Only the first 64 KiB of an error body are read; disposing the response drops the rest.
                    using ResponseBody error = await ResponseBody.ReadPrefixAsync(response.Content, TgiErrors.MaxErrorBodyBytes, token).ConfigureAwait(false);
                    throw TgiErrors.FromResponse(status, error.Span);
                }

                ResponseBody content = default;
                if (!streaming)
                {
                    content = await ResponseBody.ReadAsync(response.Content, status, _options.MaxResponseSize, token).ConfigureAwait(false);
                }
                else if (response.Content.Headers.ContentType?.MediaType is { } mediaType
                    && !mediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase))
                {
                    // TGI: text/event-stream (some proxies add a charset, which MediaType leaves out). An HTML page or
                    // a JSON document with 200 is a wrong endpoint or a proxy, not a cut stream. No content type at
                    // all is read as SSE.
                    using ResponseBody prefix = await ResponseBody.ReadPrefixAsync(response.Content, TgiErrors.MaxErrorBodyBytes, token).ConfigureAwait(false);
                    ThrowHelper.ThrowNotEventStream(status, mediaType, prefix.Span);
                }

                if (started != 0)
                {
                    TgiClientLog.Received(_logger!, method, uri, response, started);
                }

                HttpResponseMessage result = response;
                response = null;
                return (result, content);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                ThrowHelper.ThrowRequestTimeout(_options.RequestTimeout, e);
                throw;
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                ThrowHelper.ThrowTransport(e);
                throw;
            }
            catch (InvalidDataException e)
            {
                // A body the handler cannot decompress (corrupt gzip or deflate) is not TGI's format.
                ThrowHelper.ThrowUndecodableBody(e);
                throw;
            }
            catch (TgiException e) when (!Redactor.IsEmpty)
            {
                // Error bodies, a redirect's Location and a wrong answer's first bytes are server text, which a
                // gateway may echo the client's key or header values into.
                Exception redacted = Redactor.Redact(e);
                if (ReferenceEquals(redacted, e))
                {
                    throw;
                }

                throw redacted;
            }
        }
        catch (TgiException e) when (TgiClientLog.Failed(_logger, method, uri, e))
        {
            // Never entered: the filter logs and lets the exception flow on.
            throw;
        }
        finally
        {
            response?.Dispose();
            timeoutCts?.Dispose();
        }
    }

    /// <summary>
    /// Sends an inference request built by the generated client and parses the JSON body, as one OpenTelemetry
    /// operation when anyone listens (<see cref="TgiTelemetry"/>).
    /// </summary>
    internal Task<TgiResult<T>> SendJsonAsync<T, TOptions>(
        Uri uri,
        byte[] body,
        Func<JsonElement, T> parse,
        string operationName,
        string? model,
        TOptions options,
        Action<TgiOperation, TOptions> describeRequest,
        Action<TgiOperation, T> describeResult,
        CancellationToken cancellationToken) =>
        TgiInstrumentation.IsEnabled
            ? SendObservedAsync(uri, body, parse, operationName, model, options, describeRequest, describeResult, cancellationToken)
            : SendJsonAsync(HttpMethod.Post, uri, body, parse, cancellationToken);

    /// <summary>Sends a non-streaming request to an absolute address and parses the JSON body.</summary>
    internal async Task<TgiResult<T>> SendJsonAsync<T>(
        HttpMethod method,
        Uri uri,
        byte[]? body,
        Func<JsonElement, T> parse,
        CancellationToken cancellationToken)
    {
        (HttpResponseMessage response, ResponseBody content) = await SendBufferedAsync(method, uri, body, acceptStatus: 0, cancellationToken).ConfigureAwait(false);
        using (response)
        using (content)
        {
            TgiRawResponse raw = TgiRawResponse.From(response);
            T value = default!;
            try
            {
                try
                {
                    // Parsed straight from the pooled buffer: the document is disposed before the buffer returns.
                    using JsonDocument document = JsonDocument.Parse(content.Memory);
                    value = parse(document.RootElement);
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
                {
                    ThrowHelper.ThrowMalformedResponse(raw.Status, Redactor.Redact(MalformedBodyText(content.Span)), e);
                }
            }
            catch (TgiException e) when (TgiClientLog.Failed(_logger, method, uri, e))
            {
                // Never entered: the filter logs and lets the exception flow on.
                throw;
            }

            return new TgiResult<T>(value, raw);
        }
    }

    private async Task<TgiResult<T>> SendObservedAsync<T, TOptions>(
        Uri uri,
        byte[] body,
        Func<JsonElement, T> parse,
        string operationName,
        string? model,
        TOptions options,
        Action<TgiOperation, TOptions> describeRequest,
        Action<TgiOperation, T> describeResult,
        CancellationToken cancellationToken)
    {
        // Started here, inside the async call, so the span is current while HttpClient sends (its span nests under it).
        TgiOperation? operation = TgiOperation.Start(operationName, model, _endpoint);
        if (operation is null)
        {
            return await SendJsonAsync(HttpMethod.Post, uri, body, parse, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            describeRequest(operation, options);
            TgiResult<T> result = await SendJsonAsync(HttpMethod.Post, uri, body, parse, cancellationToken).ConfigureAwait(false);
            operation.SetResponseHeaders(result.GetRawResponse());
            describeResult(operation, result.Value);
            return result;
        }
        catch (Exception e)
        {
            operation.Fail(e);
            throw;
        }
        finally
        {
            operation.End();
        }
    }

    /// <summary>The text of a malformed body kept on the exception: its first 64 KiB, like an error body.</summary>
    internal static string MalformedBodyText(ReadOnlySpan<byte> body) =>
        System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, TgiErrors.MaxErrorBodyBytes)]);

    /// <summary>Creates the lazy streaming result for a route of the generated client and a body Kiota serialized.</summary>
    /// <remarks>Kiota generates nothing for <c>text/event-stream</c>: it builds the request, the facade reads the stream.</remarks>
    internal TgiStreamingResult<T> CreateStream<T>(
        Uri uri,
        byte[] body,
        Func<StreamEventHandler<T>> createHandler,
        StreamTelemetry<T>? telemetry,
        CancellationToken cancellationToken) =>
        new SseStreamingResult<T>(
            ct => SendStreamingAsync(uri, body, ct),
            createHandler,
            _options.MaxEventSize,
            _options.StreamIdleTimeout,
            _options.StreamEventTimeout,
            cancellationToken,
            telemetry,
            Redactor,
            _logger is null ? null : e => TgiClientLog.Failed(_logger, HttpMethod.Post, uri, e));

    /// <summary>How a stream is reported to OpenTelemetry: null (and no allocation) when nobody listens.</summary>
    internal StreamTelemetry<T>? StreamTelemetry<T, TOptions>(
        string operationName,
        string? model,
        TOptions options,
        Action<TgiOperation, TOptions> describeRequest,
        StreamObserver<T> observe) =>
        TgiInstrumentation.IsEnabled ? CreateStreamTelemetry(operationName, model, options, describeRequest, observe) : null;

    // Separate from StreamTelemetry so the lambda's closure is only allocated when someone listens.
    private StreamTelemetry<T> CreateStreamTelemetry<T, TOptions>(
        string operationName,
        string? model,
        TOptions options,
        Action<TgiOperation, TOptions> describeRequest,
        StreamObserver<T> observe) =>
        new(operationName, model, _endpoint, operation => describeRequest(operation, options), observe);
}
