// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json.Serialization;

namespace Tgi.AotSmoke;

/// <summary>The source-generated contracts of the AOT gate's tool and structured-output checks (no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(SmokeWeatherArgs))]
[JsonSerializable(typeof(SmokePerson))]
internal sealed partial class SmokeJsonContext : JsonSerializerContext;
