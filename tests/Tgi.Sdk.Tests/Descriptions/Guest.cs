// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.ComponentModel;

namespace Tgi.Sdk.Tests.Descriptions;

/// <summary>A described nested type whose property in <see cref="HotelBooking"/> has no description of its own.</summary>
[Description("The guest who stays.")]
internal sealed record Guest([Description("The guest's full name.")] string Name);
