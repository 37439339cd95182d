// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Benchmarks.Aot;

/// <summary>One Native AOT app: binary size and wall-clock time of start-up plus its calls.</summary>
internal sealed record AotAppResult(string Name, long SizeBytes, double MedianMs, double MinMs, double MaxMs, IReadOnlyDictionary<string, long> SizeByComponent);
