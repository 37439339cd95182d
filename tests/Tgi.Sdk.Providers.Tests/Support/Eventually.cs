// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers.Tests.Support;

/// <summary>Waits for background work (a timer-driven refresh) to reach a state; bounded, never a timing assertion.</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition)
    {
        // 12,000 polls of 10 ms: two minutes at the least, so a busy machine only makes it slower, never false.
        for (int i = 0; i < 12_000; i++)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(10);
        }

        return condition();
    }
}
