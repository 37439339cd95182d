// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli.Bench;

namespace Tgi.Cli.Tests.Bench;

public class DurationParserTests
{
    [Test]
    [Arguments("30", 30_000)]
    [Arguments("30s", 30_000)]
    [Arguments("500ms", 500)]
    [Arguments("2m", 120_000)]
    [Arguments("1.5s", 1_500)]
    public async Task TryParse_ValidText_ReturnsDuration(string text, int milliseconds)
    {
        bool parsed = DurationParser.TryParse(text, out TimeSpan duration);

        await Assert.That(parsed).IsTrue();
        await Assert.That(duration).IsEqualTo(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Test]
    [Arguments("")]
    [Arguments("soon")]
    [Arguments("-5s")]
    [Arguments("0")]
    public async Task TryParse_InvalidText_ReturnsFalse(string text)
    {
        bool parsed = DurationParser.TryParse(text, out _);

        await Assert.That(parsed).IsFalse();
    }
}
