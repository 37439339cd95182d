// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Benchmarks.InMemory;

/// <summary>One client's time from the response headers to the first token in the caller's hands (ns).</summary>
internal sealed record HeadersToFirstTokenRow(string Kind, string Name, bool IsLimit, double MedianNs, double P90Ns);
