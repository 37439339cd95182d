// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Tests.Tools;

/// <summary>The response_format recordings' Weather{unit, temperature[]}.</summary>
internal sealed record WeatherReport(string Unit, int[] Temperature);
