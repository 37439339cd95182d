// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Tests.Infrastructure;

namespace Tgi.Sdk.Tests.Errors;

public class TgiExceptionTests
{
    [Test]
    public async Task GenerateAsync_JsonErrorResponse_MapsStatusTypeAndMessage()
    {
        const string body = "{\"error\":\"Input validation error: `temperature` must be strictly positive\",\"error_type\":\"validation\"}";
        TgiClient client = ReplayHandler.Json(body, HttpStatusCode.UnprocessableEntity).CreateClient();

        TgiException ex = await Expect.TgiExceptionAsync(() => client.GenerateAsync("a", new GenerateOptions { Temperature = 0 }));

        await Assert.That(ex.Status).IsEqualTo(422);
        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Validation);
        await Assert.That(ex.ErrorMessage).IsEqualTo("Input validation error: `temperature` must be strictly positive");
        await Assert.That(ex.Message).IsEqualTo("HTTP 422 (validation): Input validation error: `temperature` must be strictly positive");
        await Assert.That(ex.RawResponseBody).IsEqualTo(body);
        await Assert.That(ex.IsRetryable).IsFalse();
    }

    [Test]
    [Arguments("{\"error\":\"Model is overloaded\",\"error_type\":\"overloaded\"}", 429, "overloaded", true)]
    [Arguments("{\"error\":\"Request failed during generation: x\",\"error_type\":\"generation\"}", 424, "generation", false)]
    [Arguments("{\"error\":\"Incomplete generation\",\"error_type\":\"incomplete_generation\"}", 500, "incomplete_generation", false)]
    [Arguments("{\"error\":\"Template error: template not found\",\"error_type\":\"template_error\"}", 422, "template_error", false)]
    [Arguments("{\"error\":\"Tool error: Tool with name x not found\",\"error_type\":\"tool_error\"}", 422, "tool_error", false)]
    [Arguments("{\"error\":\"unhealthy\",\"error_type\":\"healthcheck\"}", 503, "healthcheck", true)]
    public async Task GenerateAsync_TgiErrorTypes_AreTyped(string body, int status, string type, bool retryable)
    {
        TgiClient client = ReplayHandler.Json(body, (HttpStatusCode)status).CreateClient();

        TgiException ex = await Expect.TgiExceptionAsync(() => client.GenerateAsync("a"));

        await Assert.That(ex.Status).IsEqualTo(status);
        await Assert.That(ex.ErrorType).IsEqualTo(new TgiErrorType(type));
        await Assert.That(ex.IsRetryable).IsEqualTo(retryable);
    }

    [Test]
    public async Task ChatAsync_OpenAiStyleErrorBody_IsRead()
    {
        const string body = "{\"error\":{\"message\":\"Tool error: Grammar and tools are mutually exclusive\",\"type\":\"invalid_request_error\",\"code\":null}}";
        TgiClient client = ReplayHandler.Json(body, HttpStatusCode.UnprocessableEntity).CreateClient();

        TgiException ex = await Expect.TgiExceptionAsync(() => client.ChatAsync([Tgi.Sdk.Chat.ChatMessage.CreateUser("a")]));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.ToolError);
        await Assert.That(ex.ErrorMessage).IsEqualTo("Tool error: Grammar and tools are mutually exclusive");
    }

    [Test]
    public async Task GenerateAsync_PlainTextRejection_KeepsText()
    {
        // TGI: axum's Json extractor answers text/plain (API.md §2.2).
        const string body = "Failed to deserialize the JSON body into the target type: parameters.stop: invalid type: null, expected a sequence at line 1 column 40";
        TgiClient client = ReplayHandler.Text(HttpStatusCode.UnprocessableEntity, body).CreateClient();

        TgiException ex = await Expect.TgiExceptionAsync(() => client.GenerateAsync("a"));

        await Assert.That(ex.Status).IsEqualTo(422);
        await Assert.That(ex.ErrorType).IsNull();
        await Assert.That(ex.ErrorMessage).IsEqualTo(body);
        await Assert.That(ex.Message).IsEqualTo("HTTP 422 (UnprocessableEntity): " + body);
    }

    [Test]
    public async Task GenerateAsync_EmptyUnauthorized_HasStatusOnly()
    {
        TgiClient client = ReplayHandler.Text(HttpStatusCode.Unauthorized, string.Empty).CreateClient();

        TgiException ex = await Expect.TgiExceptionAsync(() => client.GenerateAsync("a"));

        await Assert.That(ex.Status).IsEqualTo(401);
        await Assert.That(ex.Message).IsEqualTo("HTTP 401 (Unauthorized)");
        await Assert.That(ex.RawResponseBody).IsNull();
        await Assert.That(ex.ErrorMessage).IsNull();
    }

    [Test]
    public async Task GenerateAsync_BrokenJsonBody_FallsBackToText()
    {
        TgiClient client = ReplayHandler.Json("{\"error\":", HttpStatusCode.InternalServerError).CreateClient();

        TgiException ex = await Expect.TgiExceptionAsync(() => client.GenerateAsync("a"));

        await Assert.That(ex.Status).IsEqualTo(500);
        await Assert.That(ex.ErrorMessage).IsEqualTo("{\"error\":");
    }

    [Test]
    public async Task GenerateAsync_TransportFailure_IsWrapped()
    {
        ReplayHandler handler = new(_ => throw new HttpRequestException("Connection refused"));

        TgiException ex = await Expect.TgiExceptionAsync(() => handler.CreateClient().GenerateAsync("a"));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Transport);
        await Assert.That(ex.IsRetryable).IsTrue();
        await Assert.That(ex.InnerException).IsTypeOf<HttpRequestException>();
    }

    [Test]
    public async Task GenerateAsync_RequestTimeout_IsWrapped()
    {
        TgiClient client = new(new HttpClient(new DelayHandler()), new TgiClientOptions { Endpoint = new Uri("http://127.0.0.1:9/"), RequestTimeout = TimeSpan.FromMilliseconds(50) });

        TgiException ex = await Expect.TgiExceptionAsync(() => client.GenerateAsync("a"));

        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Timeout);
        await Assert.That(ex.IsRetryable).IsTrue();
    }

    [Test]
    public async Task GenerateAsync_CallerCancels_ThrowsOperationCanceled()
    {
        TgiClient client = new(new HttpClient(new DelayHandler()), new TgiClientOptions { Endpoint = new Uri("http://127.0.0.1:9/") });
        using CancellationTokenSource cts = new(TimeSpan.FromMilliseconds(50));

        await Assert.That(async () => await client.GenerateAsync("a", cancellationToken: cts.Token)).Throws<OperationCanceledException>();
    }

    [Test]
    public async Task TgiErrorType_Equality_IsCaseInsensitive()
    {
        TgiErrorType upper = "VALIDATION";

        await Assert.That(upper).IsEqualTo(TgiErrorType.Validation);
        await Assert.That(upper.GetHashCode()).IsEqualTo(TgiErrorType.Validation.GetHashCode());
        await Assert.That(TgiErrorType.Overloaded == TgiErrorType.Validation).IsFalse();
    }

    private sealed class DelayHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
