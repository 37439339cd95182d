// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing.Tests.Generation;

public class RustFloatTests
{
    [Test]
    [Arguments(-1.8239021e-5f, "-0.000018239021")]
    [Arguments(-3.33786e-6f, "-0.00000333786")]
    [Arguments(-0.5f, "-0.5")]
    [Arguments(1f, "1.0")]
    [Arguments(1e-7f, "1e-7")]
    [Arguments(123.25f, "123.25")]
    public async Task Format_F32_MatchesSerdeJson(float value, string expected)
    {
        await Assert.That(RustFloat.Format(value)).IsEqualTo(expected);
    }
}
