// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Benchmarks.Peers.Records;

/// <summary>One chat completion chunk, as the obvious System.Text.Json record.</summary>
internal sealed record ChatChunkRecord(
    string Object,
    string Id,
    long Created,
    string Model,
    string? SystemFingerprint,
    IReadOnlyList<ChatChoiceRecord> Choices,
    UsageRecord? Usage);
