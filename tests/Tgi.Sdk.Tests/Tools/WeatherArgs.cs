// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Tests.Tools;

/// <summary>Arguments of get_current_weather (the recordings' tool).</summary>
internal sealed record WeatherArgs(string Location, string? Format);
