// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Tests.Tools;

/// <summary>A nested object.</summary>
internal sealed record Address(string Street, string City);
