// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Generated.Tests.Infrastructure;

/// <summary>A route the loopback server answers with a fixed status, content type and body.</summary>
internal sealed record CannedRoute(string Method, string Path, int StatusCode, string? ContentType, string Body)
{
    public static CannedRoute Get(string path, string json) => new("GET", path, 200, "application/json", json);

    public static CannedRoute Post(string path, string json) => new("POST", path, 200, "application/json", json);

    public static CannedRoute PostError(string path, int statusCode, string json) =>
        new("POST", path, statusCode, "application/json", json);
}
