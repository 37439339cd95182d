// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Benchmarks.Loopback;

internal sealed record MemoryPerStreamResult(int Streams, IReadOnlyList<MemoryPerStreamRow> Rows, int Failures);
