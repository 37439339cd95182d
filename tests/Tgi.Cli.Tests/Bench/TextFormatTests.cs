// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli.Output;

namespace Tgi.Cli.Tests.Bench;

public class TextFormatTests
{
    [Test]
    [Arguments(0.42, "0.42 ms")]
    [Arguments(0.0031, "0.0031 ms")]
    [Arguments(0.000123, "0.00012 ms")]
    [Arguments(1.234, "1.23 ms")]
    [Arguments(12.34, "12.3 ms")]
    [Arguments(0.0, "0 ms")]
    public async Task Ms_SubMillisecond_ShowsRealValues(double milliseconds, string expected)
    {
        await Assert.That(TextFormat.Ms(milliseconds)).IsEqualTo(expected);
    }

    [Test]
    public async Task Ms_Null_IsADash()
    {
        await Assert.That(TextFormat.Ms(null)).IsEqualTo("-");
    }
}
