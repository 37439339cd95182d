// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers.Tests.Support;

/// <summary>Sets process environment variables for one test and restores them afterwards.</summary>
internal sealed class EnvironmentScope : IDisposable
{
    private readonly List<(string Name, string? Previous)> _previous = [];

    public EnvironmentScope(params (string Name, string? Value)[] variables)
    {
        foreach ((string name, string? value) in variables)
        {
            _previous.Add((name, Environment.GetEnvironmentVariable(name)));
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach ((string name, string? previous) in _previous)
        {
            Environment.SetEnvironmentVariable(name, previous);
        }
    }
}
