// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>The stream-shaping faults in force when one request started.</summary>
internal sealed record FaultSnapshot(
    TimeSpan? KeepAliveEvery,
    TimeSpan? TimeToFirstToken,
    double? TokensPerSecond,
    int? DisconnectAfterTokens,
    int? StallAfterTokens,
    int? MalformedEventAfterTokens,
    int? OversizeEventBytes,
    int? GenerationErrorAfterTokens);
