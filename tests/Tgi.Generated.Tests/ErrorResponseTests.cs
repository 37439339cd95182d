// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Generated.Models;
using Tgi.Generated.Tests.Infrastructure;

namespace Tgi.Generated.Tests;

public class ErrorResponseTests
{
    // TGI: API.md §2.1, §2.3. validation errors are 422 {"error","error_type"}.
    private const string ValidationBody = """
        {"error":"Input validation error: `top_p` must be > 0.0 and < 1.0","error_type":"validation"}
        """;

    // TGI: API.md §2.1. 429 when more than max_concurrent_requests are in flight.
    private const string OverloadedBody = """{"error":"Model is overloaded","error_type":"overloaded"}""";

    [Test]
    public async Task GeneratePostAsync_Validation422_ThrowsErrorResponseWithTypeAndMessage()
    {
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(CannedRoute.PostError("/generate", 422, ValidationBody));

        ErrorResponse? error = await Assert.ThrowsAsync<ErrorResponse>(() => tgi.Client.Generate.PostAsync(new GenerateRequest
        {
            Inputs = "Hello",
            Parameters = new GenerateParameters { TopP = 1.0f },
        }));

        await Assert.That(error?.ResponseStatusCode).IsEqualTo(422);
        await Assert.That(error?.ErrorType).IsEqualTo("validation");
        await Assert.That(error?.Error).IsEqualTo("Input validation error: `top_p` must be > 0.0 and < 1.0");
        // x-ms-primary-error-message makes the server's text the exception message.
        await Assert.That(error?.Message).IsEqualTo("Input validation error: `top_p` must be > 0.0 and < 1.0");
    }

    [Test]
    public async Task ChatPostAsync_Overloaded429_ThrowsErrorResponseWithOverloadedType()
    {
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(CannedRoute.PostError("/v1/chat/completions", 429, OverloadedBody));

        ErrorResponse? error = await Assert.ThrowsAsync<ErrorResponse>(() => tgi.Client.V1.Chat.Completions.PostAsync(new ChatRequest
        {
            Messages = [new Message { Role = "user", Content = new MessageContent { String = "Hi" } }],
        }));

        await Assert.That(error?.ResponseStatusCode).IsEqualTo(429);
        await Assert.That(error?.ErrorType).IsEqualTo("overloaded");
        await Assert.That(error?.Message).IsEqualTo("Model is overloaded");
    }
}
