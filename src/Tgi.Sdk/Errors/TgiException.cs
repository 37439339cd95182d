// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk;

/// <summary>
/// The one exception every <see cref="TgiClient"/> failure becomes: an HTTP error, an error event inside a stream,
/// a transport failure, a timeout, or a malformed, oversize or cut stream.
/// </summary>
/// <remarks>
/// <para>The message reads <c>HTTP 422 (validation): Input validation error: …</c>.</para>
/// <para>TGI: non-stream errors are <c>{"error","error_type"}</c> JSON, plain text or an empty
/// 401; <c>/generate_stream</c> errors are a <c>{"error","error_type"}</c> event; chat and completions stream
/// errors are <c>{"error":{"message","http_status_code"}}</c> events since 2.4.1.</para>
/// </remarks>
public class TgiException : Exception
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public TgiException()
        : this("The TGI request failed.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public TgiException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Initializes a new instance with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TgiException(string message, Exception? innerException)
        : this(message, status: 0, errorType: null, errorMessage: null, rawResponseBody: null, isRetryable: false, innerException)
    {
    }

    /// <summary>Initializes a new instance with every detail (for tests and mocks).</summary>
    /// <param name="message">The formatted message.</param>
    /// <param name="status">The HTTP status, or 0 when no HTTP status applies.</param>
    /// <param name="errorType">The error type, when known.</param>
    /// <param name="errorMessage">The server's error text, when it sent one.</param>
    /// <param name="rawResponseBody">The raw error body or event, when there was one.</param>
    /// <param name="isRetryable">Whether retrying the same request may succeed.</param>
    /// <param name="innerException">The cause.</param>
    public TgiException(
        string message,
        int status,
        TgiErrorType? errorType,
        string? errorMessage,
        string? rawResponseBody,
        bool isRetryable,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorType = errorType;
        ErrorMessage = errorMessage;
        RawResponseBody = rawResponseBody;
        IsRetryable = isRetryable;
    }

    /// <summary>
    /// Gets the HTTP status: the response status, or for an error event inside a stream the status TGI gives the same
    /// error outside a stream (422, 424, 429, 500). 0 when the failure was detected on the client (transport, timeout,
    /// malformed or cut stream).
    /// </summary>
    public int Status { get; }

    /// <summary>Gets the error type: TGI's <c>error_type</c>, inferred from the message when TGI omitted it, or an SDK value.</summary>
    public TgiErrorType? ErrorType { get; }

    /// <summary>Gets the server's error text (TGI's <c>error</c> or <c>error.message</c>, or the plain-text body).</summary>
    public string? ErrorMessage { get; }

    /// <summary>
    /// Gets the raw error body (or the raw error event), when there was one; for <see cref="TgiErrorType.InvalidOutput"/>,
    /// the model's raw text that could not be read.
    /// </summary>
    public string? RawResponseBody { get; }

    /// <summary>
    /// Gets a value indicating whether the same request may succeed if retried: overload (429), 502/503/504, 408,
    /// transport failures, timeouts and cut streams.
    /// </summary>
    public bool IsRetryable { get; }
}
