// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Tests.Tools;

/// <summary>Arguments of get_n_day_weather_forecast.</summary>
internal sealed record ForecastArgs(string Location, string Format, int NumDays);
