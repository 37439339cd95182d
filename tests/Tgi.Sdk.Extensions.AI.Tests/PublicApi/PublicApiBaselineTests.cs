// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Runtime.CompilerServices;
using Tgi.Sdk.Extensions.AI;
using Tgi.Sdk.Tests.PublicApi;

namespace Tgi.Sdk.Extensions.AI.Tests.PublicApi;

/// <summary>
/// The public-API baseline of Tgi.Sdk.Extensions.AI (Tgi.Sdk.Extensions.AI.api.txt). A change to the public surface fails this test
/// until the baseline is regenerated on purpose (TGI_UPDATE_API=1 dotnet test …).
/// </summary>
public class PublicApiBaselineTests
{
    [Test]
    public async Task PublicSurface_MatchesCommittedBaseline()
    {
        string baselinePath = Path.Combine(SourceDirectory(), "Tgi.Sdk.Extensions.AI.api.txt");
        string actual = PublicApiListing.Of(typeof(TgiChatOptionKeys).Assembly);
        if (Environment.GetEnvironmentVariable("TGI_UPDATE_API") == "1")
        {
            await File.WriteAllTextAsync(baselinePath, actual);
        }

        string expected = File.Exists(baselinePath) ? (await File.ReadAllTextAsync(baselinePath)).ReplaceLineEndings("\n") : string.Empty;

        await Assert.That(actual).IsEqualTo(expected);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
