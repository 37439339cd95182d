// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk;

/// <summary>Builds SDK results for tests and mocks of <see cref="TgiClient"/> (its service methods are virtual).</summary>
public static class TgiModelFactory
{
    /// <summary>Creates a result with a raw response of the given status and headers.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="headers">The headers, for example TGI's <c>x-queue-time</c>.</param>
    /// <returns>The result.</returns>
    public static TgiResult<T> Result<T>(T value, int status = 200, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        new(value, new TgiRawResponse(status, headers ?? []));

    /// <summary>Creates a streaming result that yields the given updates (for mocking the <c>…StreamingAsync</c> methods).</summary>
    /// <typeparam name="T">The update type.</typeparam>
    /// <param name="updates">The updates, yielded in order on each enumeration.</param>
    /// <param name="rawResponse">The raw response reported once enumeration starts; a 200 with no headers when null.</param>
    /// <returns>The streaming result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="updates"/> is null.</exception>
    public static TgiStreamingResult<T> StreamingResult<T>(IEnumerable<T> updates, TgiRawResponse? rawResponse = null)
    {
        ArgumentNullException.ThrowIfNull(updates);
        return new ListStreamingResult<T>([.. updates], rawResponse ?? new TgiRawResponse(200, []));
    }

    /// <summary>A streaming result over a list.</summary>
    private sealed class ListStreamingResult<T>(IReadOnlyList<T> updates, TgiRawResponse rawResponse) : TgiStreamingResult<T>
    {
        private bool _started;

        public override TgiRawResponse GetRawResponse() =>
            _started ? rawResponse : throw new InvalidOperationException("The stream has not been enumerated yet.");

        public override async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            _started = true;
            foreach (T update in updates)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return update;
            }

            await Task.CompletedTask.ConfigureAwait(false);
        }
    }
}
