// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Generated.Tests.Infrastructure;

/// <summary>What the generated client actually put on the wire.</summary>
internal sealed record RecordedRequest(string Method, string Path, string? ContentType, string? Accept, string Body);
