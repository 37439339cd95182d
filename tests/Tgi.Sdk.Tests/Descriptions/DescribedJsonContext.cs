// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json.Serialization;

namespace Tgi.Sdk.Tests.Descriptions;

/// <summary>The source-generated contracts of the described types, with the same rules as the other tests' context.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(HotelBooking))]
internal sealed partial class DescribedJsonContext : JsonSerializerContext;
