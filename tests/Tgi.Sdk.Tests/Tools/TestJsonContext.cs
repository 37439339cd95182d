// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json.Serialization;

namespace Tgi.Sdk.Tests.Tools;

/// <summary>The source-generated contracts the tool, grammar and structured-output tests use (no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(WeatherArgs))]
[JsonSerializable(typeof(ForecastArgs))]
[JsonSerializable(typeof(WeatherReport))]
[JsonSerializable(typeof(Person))]
[JsonSerializable(typeof(Profile))]
[JsonSerializable(typeof(NoArgs))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(string))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
