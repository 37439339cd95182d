// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tgi.Sdk.Testing;

/// <summary>
/// axum's <c>Json&lt;T&gt;</c> extractor, rejection by rejection: 415 without an application/json content
/// type, 413 past the payload limit, 400 for bad JSON syntax, 422 when the JSON does not fit the type.
/// All four answer <c>text/plain; charset=utf-8</c>.
/// </summary>
internal static class JsonBodyReader
{
    private static readonly JsonDocumentOptions s_documentOptions = new() { MaxDepth = 128 };

    /// <summary>Parses the body, or writes the plain-text rejection and returns null.</summary>
    public static async Task<JsonDocument?> ReadAsync(HttpContext context)
    {
        if (!IsJsonContentType(context.Request.ContentType))
        {
            await PlainText.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Expected request with `Content-Type: application/json`").ConfigureAwait(false);
            return null;
        }

        BufferedBody body = context.Features.Get<BufferedBody>() ?? new BufferedBody([], tooLarge: false);
        if (body.TooLarge)
        {
            await PlainText.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Failed to buffer the request body: length limit exceeded").ConfigureAwait(false);
            return null;
        }

        try
        {
            JsonDocument document = JsonDocument.Parse(body.Bytes, s_documentOptions);
            return document;
        }
        catch (JsonException exception)
        {
            string message = SyntaxMessage(body.Bytes, exception);
            await PlainText.WriteAsync(context, StatusCodes.Status400BadRequest, "Failed to parse the request body as JSON: " + message).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Writes the 422 for a bind error, with serde's "at line L column C".</summary>
    public static Task WriteBindErrorAsync(HttpContext context, BindException error)
    {
        BufferedBody body = context.Features.Get<BufferedBody>() ?? new BufferedBody([], tooLarge: false);
        (int line, int column) = JsonPositionFinder.Find(body.Bytes, error.Path, error.AtValueStart);
        string path = error.Path.IsRoot ? string.Empty : error.Path + ": ";
        string text = $"Failed to deserialize the JSON body into the target type: {path}{error.Message} at line {line} column {column}";
        return PlainText.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, text);
    }

    // axum: "application/json" or any "+json" subtype, parameters allowed.
    private static bool IsJsonContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        string mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static string SyntaxMessage(byte[] bytes, JsonException exception)
    {
        // serde: "EOF while parsing ..." at the end of the input, "expected value"/"trailing characters" elsewhere.
        int line = (int)(exception.LineNumber ?? 0) + 1;
        int column = (int)(exception.BytePositionInLine ?? 0);
        string trimmed = Encoding.UTF8.GetString(bytes).TrimEnd();
        if (trimmed.Length == 0)
        {
            return "EOF while parsing a value at line 1 column 0";
        }

        // The reader failed at or past the last significant byte: serde calls that EOF.
        int significant = Encoding.UTF8.GetByteCount(trimmed);
        bool atEnd = line == JsonPositionFinder.LineColumnAt(bytes, significant).Line && column >= JsonPositionFinder.LineColumnAt(bytes, significant).Column;
        if (atEnd)
        {
            string kind = trimmed[0] switch
            {
                '{' => "an object",
                '[' => "a list",
                '"' => "a string",
                _ => "a value",
            };
            (int endLine, int endColumn) = JsonPositionFinder.LineColumnAt(bytes, significant);
            return $"EOF while parsing {kind} at line {endLine} column {endColumn}";
        }

        if (exception.Message.Contains("after a single JSON value", StringComparison.OrdinalIgnoreCase))
        {
            return $"trailing characters at line {line} column {column + 1}";
        }

        return $"expected value at line {line} column {column + 1}";
    }
}
