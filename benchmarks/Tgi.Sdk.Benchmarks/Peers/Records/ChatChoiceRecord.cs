// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Benchmarks.Peers.Records;

internal sealed record ChatChoiceRecord(int Index, ChatDeltaRecord Delta, string? FinishReason);
