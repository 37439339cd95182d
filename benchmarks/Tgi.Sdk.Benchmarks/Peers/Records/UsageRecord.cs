// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Benchmarks.Peers.Records;

internal sealed record UsageRecord(int PromptTokens, int CompletionTokens, int TotalTokens);
