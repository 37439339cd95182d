// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.ComponentModel;

namespace Tgi.Sdk.Tests.Descriptions;

/// <summary>Described arguments: on the type, on positional parameters, with [property:], nullable, and a nested described type.</summary>
[Description("A hotel booking request.")]
internal sealed record HotelBooking(
    [Description("The city to book in.")] string City,
    [property: Description("Nights to stay, at least one.")] int Nights,
    [Description("A note for the front desk, if any.")] string? Note,
    Guest Guest,
    string[] Extras);
