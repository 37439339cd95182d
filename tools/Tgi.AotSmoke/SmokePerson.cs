// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.AotSmoke;

/// <summary>The smoke test's structured answer.</summary>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
/// <param name="NumCats">How many cats.</param>
internal sealed record SmokePerson(string FirstName, string LastName, int NumCats);
