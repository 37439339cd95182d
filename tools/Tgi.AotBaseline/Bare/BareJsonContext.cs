// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tgi.AotBaseline.Bare;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GenerateReply))]
[JsonSerializable(typeof(StreamEvent))]
[JsonSerializable(typeof(ChatReply))]
[JsonSerializable(typeof(InfoReply))]
internal sealed partial class BareJsonContext : JsonSerializerContext;
