// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>One HTTP request the emulator received, kept so a test can assert exactly what a client sent.</summary>
public sealed class TgiRecordedRequest
{
    internal TgiRecordedRequest(string method, string path, IReadOnlyDictionary<string, string> headers, string body)
    {
        Method = method;
        Path = path;
        Headers = headers;
        Body = body;
    }

    /// <summary>Gets the HTTP method, for example <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>Gets the request path (with the query string, if any), for example <c>/generate</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the request headers; names are lower-case, repeated headers are joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Gets the request body decoded as UTF-8 (empty when there was none; cut at the payload limit when it was larger).</summary>
    public string Body { get; }
}
