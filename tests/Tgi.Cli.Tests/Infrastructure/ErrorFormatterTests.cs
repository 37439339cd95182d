// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Cli.Infrastructure;
using Tgi.Sdk;

namespace Tgi.Cli.Tests.Infrastructure;

public class ErrorFormatterTests
{
    [Test]
    public async Task Format_TgiError_PrintsTypeAndServerMessage()
    {
        var error = new TgiException("HTTP 429 (overloaded): Model is overloaded", 429, TgiErrorType.Overloaded, "Model is overloaded", null, isRetryable: true);

        string text = ErrorFormatter.Format(error);

        await Assert.That(text).IsEqualTo("error: overloaded: Model is overloaded");
    }

    [Test]
    public async Task Format_NoErrorType_FallsBackToHttpStatus()
    {
        var error = new TgiException("HTTP 404", 404, errorType: null, errorMessage: null, rawResponseBody: null, isRetryable: false);

        string text = ErrorFormatter.Format(error);

        await Assert.That(text).IsEqualTo("error: http_404: HTTP 404");
    }
}
