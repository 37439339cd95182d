// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.TestSupport;

/// <summary>A request a <see cref="HostileServer"/> received.</summary>
internal sealed record HostileRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
