// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tgi.Sdk;

/// <summary>Reads a model's JSON output (a structured answer or tool-call arguments) into a type, through its contract only.</summary>
/// <remarks>
/// TGI returns constrained output as plain text, and the constraint does not survive a token limit: an
/// answer cut by <c>max_new_tokens</c> / <c>max_tokens</c> is broken JSON. Every failure becomes a
/// <see cref="TgiException"/> of type <see cref="TgiErrorType.InvalidOutput"/> carrying the raw text.
/// </remarks>
internal static class StructuredOutput
{
    private const int MaxQuotedChars = 300;

    /// <summary>Deserializes the text, or throws the <see cref="TgiException"/> that says what failed.</summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <param name="text">The model's text.</param>
    /// <param name="typeInfo">The contract.</param>
    /// <param name="what">What the text is, for the message ("The model's answer").</param>
    /// <param name="finishReason">Why generation stopped, when known.</param>
    /// <returns>The value.</returns>
    public static T Deserialize<T>(string? text, JsonTypeInfo<T> typeInfo, string what, FinishReason? finishReason)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid(what, typeInfo, "is empty", text ?? string.Empty, finishReason, null);
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize(text, typeInfo);
        }
        catch (JsonException e)
        {
            throw Invalid(what, typeInfo, "is not valid JSON for it: " + e.Message, text, finishReason, e);
        }

        return value is null ? throw Invalid(what, typeInfo, "is JSON null", text, finishReason, null) : value;
    }

    /// <summary>Builds the exception for output that cannot be read.</summary>
    /// <param name="what">What the text is.</param>
    /// <param name="typeInfo">The contract, or null.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="text">The raw text.</param>
    /// <param name="finishReason">Why generation stopped, when known.</param>
    /// <param name="inner">The cause.</param>
    /// <returns>The exception.</returns>
    public static TgiException Invalid(string what, JsonTypeInfo? typeInfo, string problem, string text, FinishReason? finishReason, Exception? inner)
    {
        StringBuilder message = new(what);
        if (typeInfo is not null)
        {
            message.Append(" (read as ").Append(typeInfo.Type.Name).Append(')');
        }

        message.Append(' ').Append(problem.TrimEnd('.')).Append('.');
        if (finishReason == FinishReason.Length)
        {
            message.Append(" Generation stopped at the token limit (finish_reason length), which cuts constrained JSON short: raise max_tokens / max_new_tokens.");
        }

        message.Append(" Raw output: ");
        message.Append(text.Length <= MaxQuotedChars ? text : string.Concat(text.AsSpan(0, MaxQuotedChars), "…"));
        return new TgiException(
            message.ToString(),
            status: 0,
            TgiErrorType.InvalidOutput,
            errorMessage: problem,
            rawResponseBody: text,
            isRetryable: false,
            inner);
    }
}
