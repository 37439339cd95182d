// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Text;
using System.Text.Json;

namespace Tgi.Sdk.Internal;

/// <summary>Builds <see cref="TgiException"/>s from every error shape TGI has shipped.</summary>
internal static class TgiErrors
{
    /// <summary>The most bytes of an error body kept on the exception.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>Builds the exception for a non-success HTTP response.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The (possibly truncated) body.</param>
    /// <returns>The exception.</returns>
    public static TgiException FromResponse(int status, ReadOnlySpan<byte> body)
    {
        string? raw = body.IsEmpty ? null : Encoding.UTF8.GetString(body);
        string? message = null;
        string? wireType = null;
        int? innerStatus = null;
        ReadOnlySpan<byte> trimmed = body.Trim(" \t\r\n"u8);
        if (!trimmed.IsEmpty && trimmed[0] == (byte)'{')
        {
            try
            {
                using JsonDocument doc = JsonDocument.Parse(body.ToArray());
                ReadErrorObject(doc.RootElement, out message, out wireType, out innerStatus);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // TGI: not JSON after all; fall back to the text (API.md §2.2). A property name with a lone surrogate
                // escape parses, but looking a property up then throws InvalidOperationException: the same fallback.
                message = null;
                wireType = null;
                innerStatus = null;
            }
        }

        if (message is null && raw is not null)
        {
            // TGI: axum's Json extractor rejects bodies with text/plain (API.md §2.2).
            message = raw.Trim();
            if (message.Length == 0)
            {
                message = null;
            }
        }

        TgiErrorType? type = ResolveType(wireType, message, status);
        return Create(status, type, message, raw, ReasonPhrase(status));
    }

    /// <summary>Builds the exception for an in-band error event (both TGI shapes).</summary>
    /// <param name="message">The error text.</param>
    /// <param name="wireType">TGI's <c>error_type</c> (native shape), or OpenAI's <c>type</c>, when present.</param>
    /// <param name="httpStatus">The <c>http_status_code</c> (OpenAI shape), when present.</param>
    /// <param name="rawEvent">The event's data.</param>
    /// <returns>The exception.</returns>
    public static TgiException FromEvent(string? message, string? wireType, int? httpStatus, ReadOnlySpan<byte> rawEvent)
    {
        TgiErrorType? type = ResolveType(wireType, message, httpStatus ?? 0);

        // TGI: in-band events carry no real status (the stream is HTTP 200, and http_status_code is always 422,
        // API.md §5.3), so report the status the same error has outside a stream.
        int status = type is { } t ? StatusFor(t, httpStatus ?? 500) : httpStatus ?? 500;
        return Create(status, type, message, Encoding.UTF8.GetString(rawEvent), reason: null);
    }

    /// <summary>Builds a protocol error (malformed or oversize data).</summary>
    /// <param name="message">The message.</param>
    /// <param name="data">The offending data, if any.</param>
    /// <param name="inner">The cause.</param>
    /// <returns>The exception.</returns>
    public static TgiException Protocol(string message, ReadOnlySpan<byte> data, Exception? inner) =>
        new(message, 0, TgiErrorType.Protocol, null, data.IsEmpty ? null : Encoding.UTF8.GetString(data), false, inner);

    /// <summary>Reads <c>{"error":"…","error_type":"…"}</c> or <c>{"error":{"message","type","http_status_code"}}</c>.</summary>
    private static void ReadErrorObject(JsonElement root, out string? message, out string? type, out int? status)
    {
        message = null;
        type = null;
        status = null;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out JsonElement error))
        {
            return;
        }

        if (error.ValueKind == JsonValueKind.String)
        {
            message = TextOf(error);
            if (root.TryGetProperty("error_type", out JsonElement et) && et.ValueKind == JsonValueKind.String)
            {
                type = TextOf(et);
            }
        }
        else if (error.ValueKind == JsonValueKind.Object)
        {
            if (error.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String)
            {
                message = TextOf(m);
            }

            if (error.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String)
            {
                type = TextOf(t);
            }

            if (error.TryGetProperty("http_status_code", out JsonElement s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out int code))
            {
                status = code;
            }
        }
    }

    /// <summary>
    /// A string's text; one .NET cannot hold (invalid UTF-8, or a lone surrogate escape) is read as its JSON text
    /// between the quotes, escapes kept and bad bytes replaced, so the server's words still reach the caller.
    /// </summary>
    private static string TextOf(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Lenient(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value));
        }
    }

    /// <summary>A reader's string value, read as <see cref="TextOf(JsonElement)"/> reads one.</summary>
    /// <param name="reader">A reader on a string.</param>
    /// <returns>The text.</returns>
    internal static string TextOf(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        }
    }

    private static string Lenient(ReadOnlySpan<byte> rawJsonString) =>
        Encoding.UTF8.GetString(rawJsonString.Length >= 2 && rawJsonString[0] == (byte)'"' ? rawJsonString[1..^1] : rawJsonString);

    /// <summary>Picks the error type: TGI's own word first, then one inferred from the message or status.</summary>
    internal static TgiErrorType? ResolveType(string? wireType, string? message, int status)
    {
        if (wireType is not null && IsTgiType(wireType))
        {
            return new TgiErrorType(wireType);
        }

        TgiErrorType? inferred = InferFromMessage(message);
        if (inferred is not null)
        {
            return inferred;
        }

        if (wireType is not null)
        {
            return new TgiErrorType(wireType);
        }

        return status switch
        {
            429 => TgiErrorType.Overloaded,
            424 => TgiErrorType.Generation,
            _ => (TgiErrorType?)null,
        };
    }

    private static bool IsTgiType(string wireType) =>
        // OpenAI-style bodies carry their own vocabulary (invalid_request_error…); prefer TGI's words.
        !wireType.EndsWith("_request_error", StringComparison.Ordinal) && !wireType.Equals("server_error", StringComparison.Ordinal);

    /// <summary>Infers the type from TGI's message prefixes, for the OpenAI-style event shape.</summary>
    internal static TgiErrorType? InferFromMessage(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }

        if (message.StartsWith("Input validation error", StringComparison.Ordinal))
        {
            return TgiErrorType.Validation;
        }

        if (message.StartsWith("Model is overloaded", StringComparison.Ordinal))
        {
            return TgiErrorType.Overloaded;
        }

        if (message.StartsWith("Request failed during generation", StringComparison.Ordinal))
        {
            return TgiErrorType.Generation;
        }

        if (message.StartsWith("Incomplete generation", StringComparison.Ordinal))
        {
            return TgiErrorType.IncompleteGeneration;
        }

        if (message.StartsWith("Template error", StringComparison.Ordinal))
        {
            return TgiErrorType.TemplateError;
        }

        if (message.StartsWith("Tool error", StringComparison.Ordinal))
        {
            return TgiErrorType.ToolError;
        }

        return null;
    }

    /// <summary>The status TGI's non-stream handlers give each error type.</summary>
    internal static int StatusFor(TgiErrorType type, int fallback)
    {
        if (type == TgiErrorType.Validation || type == TgiErrorType.TemplateError || type == TgiErrorType.ToolError)
        {
            return 422;
        }

        if (type == TgiErrorType.Generation)
        {
            return 424;
        }

        if (type == TgiErrorType.Overloaded)
        {
            return 429;
        }

        if (type == TgiErrorType.IncompleteGeneration || type == new TgiErrorType("incomplete_generation_stream"))
        {
            return 500;
        }

        return fallback;
    }

    /// <summary>Whether a retry of the same request may succeed.</summary>
    internal static bool IsRetryable(int status, TgiErrorType? type) =>
        type == TgiErrorType.Overloaded
        || type == TgiErrorType.Transport
        || type == TgiErrorType.Timeout
        || status is 408 or 429 or 502 or 503 or 504;

    private static TgiException Create(int status, TgiErrorType? type, string? message, string? raw, string? reason)
    {
        StringBuilder text = new StringBuilder("HTTP ").Append(status);
        if (type is { } t)
        {
            text.Append(" (").Append(t.ToString()).Append(')');
        }
        else if (reason is not null)
        {
            text.Append(" (").Append(reason).Append(')');
        }

        if (message is not null)
        {
            text.Append(": ").Append(message);
        }

        return new TgiException(text.ToString(), status, type, message, raw, IsRetryable(status, type));
    }

    private static string? ReasonPhrase(int status) =>
        Enum.IsDefined((HttpStatusCode)status) ? ((HttpStatusCode)status).ToString() : null;
}
