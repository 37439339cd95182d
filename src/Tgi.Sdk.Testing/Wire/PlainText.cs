// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Microsoft.AspNetCore.Http;

namespace Tgi.Sdk.Testing;

/// <summary>axum's plain-text rejections: <c>text/plain; charset=utf-8</c>.</summary>
internal static class PlainText
{
    public static Task WriteAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
