// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tgi.Sdk.Testing;

/// <summary>Writes compact JSON bodies straight into the response pipe with Utf8JsonWriter (no reflection serializer).</summary>
internal static class JsonResponses
{
    /// <summary>serde_json escapes only quotes, backslashes and control characters; relaxed escaping comes closest.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        // Buffered so the response carries content-length, as axum's Json does.
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
