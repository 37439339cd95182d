// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json.Serialization;

namespace Tgi.Sdk.Tests.Tools;

/// <summary>The README's context as written there: default options, so the schema says <c>City</c>.</summary>
[JsonSerializable(typeof(CityArgs))]
internal sealed partial class ReadmeJsonContext : JsonSerializerContext;
