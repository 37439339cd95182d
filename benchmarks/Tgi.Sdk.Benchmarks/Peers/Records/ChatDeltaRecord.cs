// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Benchmarks.Peers.Records;

internal sealed record ChatDeltaRecord(string? Role, string? Content);
