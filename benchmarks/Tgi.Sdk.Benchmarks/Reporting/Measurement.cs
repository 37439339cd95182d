// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Benchmarks.Reporting;

/// <summary>One BenchmarkDotNet result, kept for the targets table: mean ns and allocated bytes per operation.</summary>
internal sealed record Measurement(string Benchmark, string Row, string Categories, string Parameters, double MeanNs, double BytesPerOp);
