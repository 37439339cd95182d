// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Runtime.CompilerServices;
using Tgi.Sdk.Providers;
using Tgi.Sdk.Tests.PublicApi;

namespace Tgi.Sdk.Providers.Tests.PublicApi;

/// <summary>
/// The public-API baseline of Tgi.Sdk.Providers (Tgi.Sdk.Providers.api.txt). A change to the public surface fails this test
/// until the baseline is regenerated on purpose (TGI_UPDATE_API=1 dotnet test …).
/// </summary>
public class PublicApiBaselineTests
{
    [Test]
    public async Task PublicSurface_MatchesCommittedBaseline()
    {
        string baselinePath = Path.Combine(SourceDirectory(), "Tgi.Sdk.Providers.api.txt");
        string actual = PublicApiListing.Of(typeof(TgiProvider).Assembly);
        if (Environment.GetEnvironmentVariable("TGI_UPDATE_API") == "1")
        {
            await File.WriteAllTextAsync(baselinePath, actual);
        }

        string expected = File.Exists(baselinePath) ? (await File.ReadAllTextAsync(baselinePath)).ReplaceLineEndings("\n") : string.Empty;

        await Assert.That(actual).IsEqualTo(expected);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
