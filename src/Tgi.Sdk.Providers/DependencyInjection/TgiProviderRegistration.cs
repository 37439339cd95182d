// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers;

/// <summary>Marks one registered provider by name, so the catalog can list every provider in registration order.</summary>
internal sealed class TgiProviderRegistration
{
    public TgiProviderRegistration(string name)
    {
        Name = name;
    }

    public string Name { get; }
}
