// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.ComponentModel;

namespace Tgi.Sdk;

/// <summary>
/// The kind of a TGI failure: TGI's own <c>error_type</c> values, plus the values this SDK uses for failures it
/// detects itself (transport, timeout, protocol). An open vocabulary: any string converts to a value.
/// </summary>
/// <remarks>
/// TGI: <c>router/src/server.rs</c> <c>error_type()</c>. Comparison is case-insensitive.
/// </remarks>
public readonly struct TgiErrorType : IEquatable<TgiErrorType>
{
    private const string ValidationValue = "validation";
    private const string GenerationValue = "generation";
    private const string OverloadedValue = "overloaded";
    private const string IncompleteGenerationValue = "incomplete_generation";
    private const string TemplateErrorValue = "template_error";
    private const string ToolErrorValue = "tool_error";
    private const string HealthcheckValue = "healthcheck";
    private const string TransportValue = "transport";
    private const string TimeoutValue = "timeout";
    private const string ProtocolValue = "protocol";
    private const string InvalidOutputValue = "invalid_output";

    private readonly string? _value;

    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The wire text, for example <c>validation</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public TgiErrorType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The request was invalid (HTTP 422 <c>validation</c>).</summary>
    public static TgiErrorType Validation { get; } = new(ValidationValue);

    /// <summary>The backend failed while generating (HTTP 424 <c>generation</c>).</summary>
    public static TgiErrorType Generation { get; } = new(GenerationValue);

    /// <summary>The server has too many requests in flight (HTTP 429 <c>overloaded</c>). Retryable.</summary>
    public static TgiErrorType Overloaded { get; } = new(OverloadedValue);

    /// <summary>The backend stream ended with no final token (HTTP 500 <c>incomplete_generation</c>).</summary>
    public static TgiErrorType IncompleteGeneration { get; } = new(IncompleteGenerationValue);

    /// <summary>The chat template failed or is missing (HTTP 422 <c>template_error</c>).</summary>
    public static TgiErrorType TemplateError { get; } = new(TemplateErrorValue);

    /// <summary>A tool could not be found or its output could not be parsed (HTTP 422 <c>tool_error</c>).</summary>
    public static TgiErrorType ToolError { get; } = new(ToolErrorValue);

    /// <summary>The server reports itself unhealthy (HTTP 503 <c>healthcheck</c>).</summary>
    public static TgiErrorType Healthcheck { get; } = new(HealthcheckValue);

    /// <summary>SDK value: the connection failed or broke (no complete HTTP exchange). Retryable.</summary>
    public static TgiErrorType Transport { get; } = new(TransportValue);

    /// <summary>SDK value: the request timeout or the stream idle timeout elapsed. Retryable.</summary>
    public static TgiErrorType Timeout { get; } = new(TimeoutValue);

    /// <summary>SDK value: the server sent something that is not TGI's wire format (a malformed or oversize event).</summary>
    public static TgiErrorType Protocol { get; } = new(ProtocolValue);

    /// <summary>
    /// SDK value: the model's output is not what was asked for: a structured answer or tool-call arguments that are not
    /// valid JSON (for example cut off by the token limit) or do not fit the requested type. The exception's
    /// <see cref="TgiException.RawResponseBody"/> holds the raw text.
    /// </summary>
    public static TgiErrorType InvalidOutput { get; } = new(InvalidOutputValue);

    /// <summary>
    /// Gets whether this is one of the error types TGI or this SDK defines (the values above, and TGI's
    /// <c>incomplete_generation_stream</c>). A server controls <c>error_type</c>: log or tag only known values.
    /// </summary>
    public bool IsKnown => KnownErrorTypes.NameOf(this) != KnownErrorTypes.Other;

    /// <summary>Determines whether two values are equal (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> if the values are equal.</returns>
    public static bool operator ==(TgiErrorType left, TgiErrorType right) => left.Equals(right);

    /// <summary>Determines whether two values differ (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> if the values differ.</returns>
    public static bool operator !=(TgiErrorType left, TgiErrorType right) => !left.Equals(right);

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The wire text.</param>
    public static implicit operator TgiErrorType(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(TgiErrorType other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is TgiErrorType other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire text.</summary>
    /// <returns>The wire text, or an empty string for the default value.</returns>
    public override string ToString() => _value ?? string.Empty;
}
