// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tgi.Sdk.Testing;

/// <summary>TGI's JSON <c>ErrorResponse</c>: <c>{"error": "...", "error_type": "..."}</c>.</summary>
internal static class ErrorResponses
{
    public static Task WriteJsonAsync(HttpContext context, int status, string message, string errorType)
    {
        return JsonResponses.WriteAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            SerdeStrings.Write(writer, "error", message);
            SerdeStrings.Write(writer, "error_type", errorType);
            writer.WriteEndObject();
        });
    }

    public static Task WriteAsync(HttpContext context, TgiError error) =>
        WriteJsonAsync(context, error.Status, error.Message, error.ErrorType);

    public static void WriteNative(Utf8JsonWriter writer, TgiError error)
    {
        writer.WriteStartObject();
        SerdeStrings.Write(writer, "error", error.Message);
        SerdeStrings.Write(writer, "error_type", error.ErrorType);
        writer.WriteEndObject();
    }

    /// <summary>TGI ≥2.4.1 chat/completions in-stream error: <c>{"error":{"message":...,"http_status_code":422}}</c> (always 422).</summary>
    public static void WriteOpenAiStreamError(Utf8JsonWriter writer, TgiError error)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        SerdeStrings.Write(writer, "message", error.Message);
        writer.WriteNumber("http_status_code", 422);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
