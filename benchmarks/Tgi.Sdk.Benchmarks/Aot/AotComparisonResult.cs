// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Benchmarks.Aot;

/// <summary>The Tgi.Sdk sample app first, then the bare HttpClient + System.Text.Json app.</summary>
internal sealed record AotComparisonResult(int Runs, IReadOnlyList<AotAppResult> Apps, int Failures, string? Skipped);
