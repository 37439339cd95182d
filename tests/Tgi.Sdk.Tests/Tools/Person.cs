// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Tests.Tools;

/// <summary>The grammar recordings' person.</summary>
internal sealed record Person(string FirstName, string LastName, string Hobby, int NumCats);
