// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Tests.Tools;

/// <summary>Arguments of the README's get_weather tool.</summary>
internal sealed record CityArgs(string City);
