// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.AotSmoke;

/// <summary>Counts and prints the smoke app's checks; the app's exit code is the number that failed.</summary>
internal sealed class SmokeChecks
{
    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public void Equal<T>(string name, T expected, T actual) =>
        Record(name, EqualityComparer<T>.Default.Equals(expected, actual), $"expected {expected}, got {actual}");

    public void True(string name, bool condition) => Record(name, condition, "was false");

    private void Record(string name, bool ok, string failure)
    {
        if (ok)
        {
            Passed++;
            Console.WriteLine($"ok    {name}");
        }
        else
        {
            Failed++;
            Console.WriteLine($"FAIL  {name}: {failure}");
        }
    }
}
