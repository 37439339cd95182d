// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tgi.Sdk.Benchmarks.Peers.Records;

/// <summary>Source-generated metadata for the records peer: what a careful .NET developer would write first.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GenerateStreamEvent))]
[JsonSerializable(typeof(ChatChunkRecord))]
internal sealed partial class RecordsJsonContext : JsonSerializerContext;
