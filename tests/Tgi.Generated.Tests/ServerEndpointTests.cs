// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Generated.Models;
using Tgi.Generated.Tests.Infrastructure;

namespace Tgi.Generated.Tests;

public class ServerEndpointTests
{
    [Test]
    public async Task MetricsGetAsync_PrometheusText_ReturnsTheTextVerbatim()
    {
        const string metrics = "# TYPE tgi_request_count counter\ntgi_request_count 3\n";
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(
            new CannedRoute("GET", "/metrics", 200, "text/plain; version=0.0.4", metrics));

        string? text = await tgi.Client.Metrics.GetAsync();

        await Assert.That(text).IsEqualTo(metrics);
    }

    [Test]
    public async Task CompatPostAsync_NonStream_ReadsTheOneElementArray()
    {
        // TGI: API.md §1, §4. POST / wraps the /generate response in a JSON array of one.
        const string body = """[{"generated_text":"My name is Olivier and I am a software engineer"}]""";
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(CannedRoute.Post("/", body));

        List<GenerateResponse>? responses = await tgi.Client.PostAsync(new CompatGenerateRequest { Inputs = "My name is Olivier and I" });

        await Assert.That(responses?.Count).IsEqualTo(1);
        await Assert.That(responses?[0].GeneratedText).IsEqualTo("My name is Olivier and I am a software engineer");
    }

    [Test]
    public async Task CompletionsPostAsync_NonStream_ReadsChoiceAndUsage()
    {
        // TGI: API.md §6. model is the served model_id, finish_reason uses the "stop" mapping.
        const string body = """
            {"object":"text_completion","id":"","created":1741264812,"model":"meta-llama/Llama-3.1-8B-Instruct","system_fingerprint":"3.3.6-dev0-native","choices":[{"index":0,"text":" A Beginner's Guide","logprobs":null,"finish_reason":"length"}],"usage":{"prompt_tokens":6,"completion_tokens":10,"total_tokens":16}}
            """;
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(CannedRoute.Post("/v1/completions", body));

        CompletionFinal? completion = await tgi.Client.V1.Completions.PostAsync(new CompletionRequest { Prompt = new Prompt { PromptString = "What is deep learning?" } });

        CompletionComplete? choice = completion?.Choices?.Single();
        await Assert.That(choice?.Text).IsEqualTo(" A Beginner's Guide");
        await Assert.That(choice?.FinishReason).IsEqualTo("length");
        await Assert.That(choice?.Logprobs).IsNull();
        await Assert.That(completion?.Usage?.CompletionTokens).IsEqualTo(10);
    }

    [Test]
    public async Task GenerateStreamPostAsync_EventStream_ReturnsTheRawStream()
    {
        // TGI: API.md §4. Kiota cannot parse SSE, so the raw client hands back the body stream.
        const string events = "data: {\"index\":1,\"token\":{\"id\":578,\"text\":\" The\",\"logprob\":-0.52,\"special\":false},\"generated_text\":\" The\",\"details\":null}\n\n";
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(
            new CannedRoute("POST", "/generate_stream", 200, "text/event-stream", events));

        await using Stream? stream = await tgi.Client.Generate_stream.PostAsync(new GenerateRequest { Inputs = "Say" });
        using var reader = new StreamReader(stream!);
        string text = await reader.ReadToEndAsync();

        await Assert.That(text).IsEqualTo(events);
        await Assert.That(tgi.Requests.Single().Accept).IsEqualTo("text/event-stream");
    }
    [Test]
    public async Task HealthGetAsync_Unhealthy503_ThrowsErrorResponseWithoutRetrying()
    {
        // TGI: API.md §1, §2.1. an unhealthy server answers 503 {"error":"unhealthy","error_type":"healthcheck"}.
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(
            new CannedRoute("GET", "/health", 503, "application/json", """{"error":"unhealthy","error_type":"healthcheck"}"""));

        ErrorResponse? error = await Assert.ThrowsAsync<ErrorResponse>(() => tgi.Client.Health.GetAsync());

        await Assert.That(error?.ResponseStatusCode).IsEqualTo(503);
        await Assert.That(error?.ErrorType).IsEqualTo("healthcheck");
        // Our HttpClient has no RetryHandler: exactly one request reached the server.
        await Assert.That(tgi.Requests.Count).IsEqualTo(1);
    }

    [Test]
    public async Task ChatTokenizePostAsync_ChatRequest_ReadsTemplatedTextAndTokens()
    {
        // TGI: API.md §1, §8. the template is applied, then tokenized without re-adding special tokens.
        const string body = """
            {"tokenize_response":[{"id":128000,"text":"<|begin_of_text|>","start":0,"stop":17},{"id":9906,"text":"Hello","start":17,"stop":22}],"templated_text":"<|begin_of_text|>Hello"}
            """;
        await using LoopbackTgi tgi = await LoopbackTgi.StartAsync(CannedRoute.Post("/chat_tokenize", body));

        ChatTokenizeResponse? response = await tgi.Client.Chat_tokenize.PostAsync(new ChatRequest
        {
            Messages = [new Message { Role = "user", Content = new MessageContent { String = "Hello" } }],
        });

        await Assert.That(response?.TemplatedText).IsEqualTo("<|begin_of_text|>Hello");
        await Assert.That(response?.TokenizeResponse?.Count).IsEqualTo(2);
        await Assert.That(response?.TokenizeResponse?[1].Stop).IsEqualTo(22);
    }
}
