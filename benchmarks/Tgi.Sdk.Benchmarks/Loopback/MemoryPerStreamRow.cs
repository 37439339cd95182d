// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Benchmarks.Loopback;

/// <summary>One client's cost of keeping a stream open: live managed heap, and bytes allocated to open it.</summary>
internal sealed record MemoryPerStreamRow(string Name, bool IsLimit, double HeapBytesPerStream, double AllocatedBytesPerStream);
