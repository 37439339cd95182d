// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>One admitted generation; disposing it frees its slot.</summary>
internal sealed class InFlightLease(EmulatorState state) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            state.Release();
        }
    }
}
