// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.SpecDiff;

/// <summary>Entry point: see <see cref="SpecDiffRunner"/> for the command line and exit codes.</summary>
internal static class Program
{
    public static int Main(string[] args) => SpecDiffRunner.Run(args, Console.Out, Console.Error);
}
