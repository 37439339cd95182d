// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Tests.Errors;

/// <summary>Which error types telemetry and logs report by name: a server-chosen one never is.</summary>
public class KnownErrorTypeTests
{
    [Test]
    [Arguments("validation")]
    [Arguments("OVERLOADED")]
    [Arguments("incomplete_generation_stream")]
    [Arguments("invalid_output")]
    public async Task IsKnown_TgiAndSdkTypes_AreKnown(string value)
    {
        await Assert.That(new TgiErrorType(value).IsKnown).IsTrue();
    }

    [Test]
    [Arguments("sk-live-0123456789abcdef")]
    [Arguments("Input validation error")]
    [Arguments("")]
    public async Task IsKnown_AnythingElse_IsNot(string value)
    {
        await Assert.That(new TgiErrorType(value).IsKnown).IsFalse();
    }
}
