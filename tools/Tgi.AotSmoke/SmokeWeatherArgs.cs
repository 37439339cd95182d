// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.AotSmoke;

/// <summary>Arguments of the smoke test's weather tool.</summary>
/// <param name="Location">The city.</param>
/// <param name="Format">celsius or fahrenheit.</param>
internal sealed record SmokeWeatherArgs(string Location, string? Format);
