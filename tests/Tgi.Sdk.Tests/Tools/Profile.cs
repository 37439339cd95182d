// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Tests.Tools;

/// <summary>The json_schema "complex" recording: a nested object and an array.</summary>
internal sealed record Profile(string Name, Address Address, string[] Hobbies);
