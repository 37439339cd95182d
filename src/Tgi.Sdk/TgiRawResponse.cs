// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using System.Net.Http.Headers;

namespace Tgi.Sdk;

/// <summary>
/// The HTTP side of a TGI response: the status, the headers, and TGI's timing headers as typed values.
/// </summary>
/// <remarks>
/// TGI: <c>/generate</c> and <c>/</c> send <c>x-queue-time</c>, <c>x-inference-time</c>, <c>x-validation-time</c>,
/// <c>x-total-time</c>, <c>x-time-per-token</c> (milliseconds), <c>x-compute-time</c> (seconds),
/// <c>x-prompt-tokens</c> and <c>x-generated-tokens</c>; streams send only <c>x-compute-type</c> and
/// <c>x-compute-characters</c>. Absent headers give null.
/// </remarks>
public sealed class TgiRawResponse
{
    // Below long.MaxValue with room for the double's rounding, so the cast to ticks cannot overflow.
    private const double MaxTicks = 9.2e18;

    private readonly Dictionary<string, string> _headers;

    /// <summary>Initializes a new instance (for tests and mocks).</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="headers">The headers; names are case-insensitive.</param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
    public TgiRawResponse(int status, IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        Status = status;
        _headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, string> header in headers)
        {
            _headers[header.Key] = header.Value;
        }
    }

    /// <summary>Gets the HTTP status.</summary>
    public int Status { get; }

    /// <summary>Gets the response and content headers (case-insensitive names; repeated values joined with a comma).</summary>
    public IReadOnlyDictionary<string, string> Headers => _headers;

    /// <summary>Gets the time the request waited in TGI's queue (<c>x-queue-time</c>, ms).</summary>
    public TimeSpan? QueueTime => Milliseconds("x-queue-time");

    /// <summary>Gets the inference time (<c>x-inference-time</c>, ms).</summary>
    public TimeSpan? InferenceTime => Milliseconds("x-inference-time");

    /// <summary>Gets the validation time (<c>x-validation-time</c>, ms).</summary>
    public TimeSpan? ValidationTime => Milliseconds("x-validation-time");

    /// <summary>Gets the total server time (<c>x-total-time</c>, ms).</summary>
    public TimeSpan? TotalTime => Milliseconds("x-total-time");

    /// <summary>Gets the mean time per generated token (<c>x-time-per-token</c>, ms).</summary>
    public TimeSpan? TimePerToken => Milliseconds("x-time-per-token");

    /// <summary>Gets the compute time (<c>x-compute-time</c>, seconds).</summary>
    public TimeSpan? ComputeTime => Duration("x-compute-time", TimeSpan.TicksPerSecond);

    /// <summary>Gets the number of prompt tokens (<c>x-prompt-tokens</c>).</summary>
    public int? PromptTokens => Integer("x-prompt-tokens");

    /// <summary>Gets the number of generated tokens (<c>x-generated-tokens</c>).</summary>
    public int? GeneratedTokens => Integer("x-generated-tokens");

    /// <summary>Gets the compute type (<c>x-compute-type</c>, for example <c>gpu+optimized</c>).</summary>
    public string? ComputeType => _headers.GetValueOrDefault("x-compute-type");

    /// <summary>Gets the number of input characters (<c>x-compute-characters</c>).</summary>
    public int? ComputeCharacters => Integer("x-compute-characters");

    /// <summary>Gets a header value.</summary>
    /// <param name="name">The header name (case-insensitive).</param>
    /// <param name="value">The value, when present.</param>
    /// <returns><see langword="true"/> if the header is present.</returns>
    public bool TryGetHeader(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
        _headers.TryGetValue(name, out value);

    internal static TgiRawResponse From(HttpResponseMessage response)
    {
        List<KeyValuePair<string, string>> headers = [];
        Add(headers, response.Headers);
        Add(headers, response.Content.Headers);
        return new TgiRawResponse((int)response.StatusCode, headers);

        static void Add(List<KeyValuePair<string, string>> list, HttpHeaders source)
        {
            foreach (KeyValuePair<string, HeaderStringValues> header in source.NonValidated)
            {
                list.Add(new KeyValuePair<string, string>(header.Key, header.Value.ToString()));
            }
        }
    }

    private TimeSpan? Milliseconds(string name) => Duration(name, TimeSpan.TicksPerMillisecond);

    // A value no TimeSpan holds (1e308, Infinity, NaN) is as unusable as an unreadable one: null, never an exception.
    private TimeSpan? Duration(string name, long ticksPerUnit) =>
        Number(name) is { } units && Math.Abs(units * ticksPerUnit) < MaxTicks ? TimeSpan.FromTicks((long)(units * ticksPerUnit)) : null;

    private double? Number(string name) =>
        _headers.TryGetValue(name, out string? text)
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : null;

    private int? Integer(string name) =>
        _headers.TryGetValue(name, out string? text)
        && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : null;
}
