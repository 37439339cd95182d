// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Benchmarks.Peers.Records;

internal sealed record StreamTokenRecord(int Id, string Text, float? Logprob, bool Special);
