// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Benchmarks.Peers.Records;

/// <summary>One <c>/generate_stream</c> event, as the obvious System.Text.Json record.</summary>
internal sealed record GenerateStreamEvent(int Index, StreamTokenRecord Token, string? GeneratedText, StreamDetailsRecord? Details);
