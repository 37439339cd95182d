// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Internal;

namespace Tgi.Sdk.Tests.Tools;

/// <summary>Reading the TGI version from system_fingerprint, which picks the tool-turn replay form (API.md §5.2, §11.8).</summary>
public class ServerVersionTests
{
    [Test]
    [Arguments("3.3.6-dev0-native", true)]
    [Arguments("3.1.2-dev0-native", true)]
    [Arguments("3.1.1-sha-23bc38b", true)]
    [Arguments("3.1.0-native", false)]
    [Arguments("2.4.1-native", false)]
    [Arguments("2.0.1-native", false)]
    [Arguments("", true)]
    [Arguments(null, true)]
    [Arguments("native", true)]
    public async Task AcceptsToolCallsWithoutContent_ByFingerprintVersion(string? fingerprint, bool expected)
    {
        await Assert.That(ServerVersion.AcceptsToolCallsWithoutContent(fingerprint)).IsEqualTo(expected);
    }
}
