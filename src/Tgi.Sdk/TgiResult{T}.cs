// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk;

/// <summary>The result of a TGI call: the value, plus the raw HTTP response it came from.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
public class TgiResult<T>
{
    private readonly TgiRawResponse _rawResponse;

    /// <summary>Initializes a new instance (for tests and mocks).</summary>
    /// <param name="value">The value.</param>
    /// <param name="rawResponse">The raw response.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rawResponse"/> is null.</exception>
    public TgiResult(T value, TgiRawResponse rawResponse)
    {
        ArgumentNullException.ThrowIfNull(rawResponse);
        Value = value;
        _rawResponse = rawResponse;
    }

    /// <summary>Gets the value.</summary>
    public T Value { get; }

    /// <summary>Gets the raw response: status, headers and TGI's timing headers.</summary>
    /// <returns>The raw response.</returns>
    public TgiRawResponse GetRawResponse() => _rawResponse;

    /// <summary>Returns the value.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator T(TgiResult<T> result) => result is null ? default! : result.Value;
}
