// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk;

/// <summary>
/// A stream of updates from TGI. Enumerate it with <c>await foreach</c>: the HTTP request is sent on the first
/// <c>MoveNextAsync</c>, each enumeration sends its own request, and leaving the loop early (<c>break</c>) closes the
/// connection so the server stops generating.
/// </summary>
/// <typeparam name="T">The update type.</typeparam>
/// <remarks>
/// Every failure, before or during the stream, is a <see cref="TgiException"/>: an HTTP error, an error event, an
/// idle gap longer than <see cref="TgiClientOptions.StreamIdleTimeout"/>, an event larger than
/// <see cref="TgiClientOptions.MaxEventSize"/>, a malformed event, or a stream cut before its natural end.
/// Cancelling the token throws <see cref="OperationCanceledException"/>.
/// </remarks>
public abstract class TgiStreamingResult<T> : IAsyncEnumerable<T>
{
    /// <summary>Initializes a new instance (for mocks).</summary>
    protected TgiStreamingResult()
    {
    }

    /// <summary>
    /// Gets the raw response (status and headers) of the latest enumeration, once its response headers arrived.
    /// </summary>
    /// <returns>The raw response.</returns>
    /// <exception cref="InvalidOperationException">The stream has not been enumerated yet.</exception>
    public abstract TgiRawResponse GetRawResponse();

    /// <summary>Sends the request and returns an enumerator over the updates.</summary>
    /// <param name="cancellationToken">Cancels the request and the reads.</param>
    /// <returns>The enumerator.</returns>
    public abstract IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default);
}
