// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json.Serialization;

namespace Tgi.Sdk.Testing.Tests.Conformance;

/// <summary>Source-generated JSON for the few values the conformance tests serialize.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class ConformanceJson : JsonSerializerContext;
