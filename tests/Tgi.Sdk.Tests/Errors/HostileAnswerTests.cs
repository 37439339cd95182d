// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using System.Text;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Completions;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Introspection;
using Tgi.Sdk.Tests.Infrastructure;
using Tgi.Sdk.Tests.Telemetry;
using Tgi.Sdk.Tests.Tools;

namespace Tgi.Sdk.Tests.Errors;

/// <summary>
/// Answers a hostile or broken server sends (exact bytes over loopback): each becomes a value (null for an unusable
/// header) or a <see cref="TgiException"/>, never a raw .NET exception.
/// </summary>
public class HostileAnswerTests
{
    // Beyond DateTimeOffset.MaxValue (253402300799 s), but a valid i64.
    private const long FarFuture = 99_999_999_999_999;

    private static readonly ChatMessage[] s_hi = [ChatMessage.CreateUser("Hi")];

    /// <summary>Error bodies whose strings .NET cannot hold: invalid UTF-8 and lone surrogate escapes, in both TGI shapes.</summary>
    private static readonly byte[][] s_badStringErrorBodies =
    [
        [.. "{\"error\":\"Input validation error: bad "u8, 0xFF, 0xFE, .. "\",\"error_type\":\"validation\"}"u8],
        [.. "{\"error\":\"Input validation error\",\"error_type\":\"valid"u8, 0xC3, .. "\"}"u8],
        "{\"error\":\"Input validation error: \\ud800 lone\",\"error_type\":\"validation\"}"u8.ToArray(),
        "{\"error\":\"Input validation error\",\"error_type\":\"\\udc00\"}"u8.ToArray(),
        "{\"error\":{\"message\":\"Input validation error: \\udbff\",\"type\":\"\\ud800\",\"http_status_code\":422}}"u8.ToArray(),
        [.. "{\"error\":{\"message\":\"Input validation error: "u8, 0xED, 0xA0, 0x80, .. "\",\"http_status_code\":1e99}}"u8],

        // A lone surrogate escape in a property name (found by the parser fuzz): the lookup, not the parse, throws.
        "{\"error\":\"Input validation error\",\"error_typ\\uDE42e\":\"validation\"}"u8.ToArray(),
    ];

    [Test]
    [MethodDataSource(nameof(Routes))]
    public async Task ErrorBody_WithStringsDotNetCannotHold_IsTgiExceptionWithTheServerText(string route)
    {
        foreach (byte[] body in s_badStringErrorBodies)
        {
            await using CannedHttpServer server = CannedHttpServer.Start(CannedHttpServer.Response(422, "application/json", body));
            TgiClient client = new(server.BaseAddress);

            TgiException ex = await Expect.TgiExceptionAsync(() => RouteCalls.Call(client, route));

            await Assert.That(ex.Status).IsEqualTo(422);
            await Assert.That(ex.ErrorMessage).Contains("Input validation error");
            await Assert.That(ex.RawResponseBody).IsNotNull();
        }
    }

    [Test]
    [Arguments("generate_stream")]
    [Arguments("generate_stream_raw")]
    [Arguments("chat_stream")]
    [Arguments("completions_stream")]
    public async Task InStreamError_WithLoneSurrogateText_IsTheServersError(string route)
    {
        string error = route.StartsWith("generate", StringComparison.Ordinal)
            ? "{\"error\":\"Request failed during generation: \\ud800\",\"error_type\":\"generation\"}"
            : "{\"error\":{\"message\":\"Request failed during generation: \\ud800\",\"http_status_code\":422}}";
        await using CannedHttpServer server = CannedHttpServer.Start(CannedHttpServer.Sse(error, "[DONE]"));
        TgiClient client = new(server.BaseAddress);

        TgiException ex = await Expect.TgiExceptionAsync(() => RouteCalls.Call(client, route));

        await Assert.That(ex.ErrorMessage).StartsWith("Request failed during generation");
        await Assert.That(ex.ErrorType).IsEqualTo(TgiErrorType.Generation);
    }

    [Test]
    [Arguments("1e308")]
    [Arguments("-1e308")]
    [Arguments("Infinity")]
    [Arguments("-Infinity")]
    [Arguments("NaN")]
    [Arguments("1e16")]
    public async Task TimingHeaders_NoTimeSpanCanHold_ReadAsNull(string value)
    {
        TgiRawResponse raw = new(200, Headers(value));

        await Assert.That(raw.QueueTime).IsNull();
        await Assert.That(raw.InferenceTime).IsNull();
        await Assert.That(raw.ValidationTime).IsNull();
        await Assert.That(raw.TotalTime).IsNull();
        await Assert.That(raw.TimePerToken).IsNull();
        await Assert.That(raw.ComputeTime).IsNull();
    }

    [Test]
    public async Task TimingHeaders_Usable_StillRead()
    {
        TgiRawResponse raw = new(200, [new("x-queue-time", "12.5"), new("x-compute-time", "0.25")]);

        await Assert.That(raw.QueueTime).IsEqualTo(TimeSpan.FromMilliseconds(12.5));
        await Assert.That(raw.ComputeTime).IsEqualTo(TimeSpan.FromSeconds(0.25));
    }

    [Test]
    public async Task GenerateAsync_WithListenerAndHostileTimingHeaders_Succeeds()
    {
        using TelemetryCapture capture = new();
        await using CannedHttpServer server = CannedHttpServer.Start(
            CannedHttpServer.Response(200, "application/json", "{\"generated_text\":\"ok\"}", [.. Headers("1e308").Select(h => (h.Key, h.Value))]));
        TgiClient client = new(server.BaseAddress);

        TgiResult<GenerateResponse> result = await client.GenerateAsync("Hi");

        await Assert.That(result.Value.GeneratedText).IsEqualTo("ok");
        await Assert.That(result.GetRawResponse().QueueTime).IsNull();
        // Listeners are process-wide and a closed server's port can be reused by a parallel test: every span for
        // this port must be clean, and there is at least ours.
        List<Activity> spans = capture.SpansFor(server.BaseAddress);
        await Assert.That(spans).IsNotEmpty();
        await Assert.That(spans.All(span => span.GetTagItem("tgi.queue_time") is null)).IsTrue();
    }

    [Test]
    public async Task GenerateStreamingAsync_WithListenerAndHostileTimingHeaders_Streams()
    {
        using TelemetryCapture capture = new();
        string body = "data: {\"index\":1,\"token\":{\"id\":1,\"text\":\"ok\",\"logprob\":null,\"special\":false},\"generated_text\":\"ok\",\"details\":null}\n\n";
        await using CannedHttpServer server = CannedHttpServer.Start(
            CannedHttpServer.Response(200, "text/event-stream", body, [.. Headers("NaN").Select(h => (h.Key, h.Value))]));
        TgiClient client = new(server.BaseAddress);

        List<GenerateStreamUpdate> updates = await Expect.ToListAsync(client.GenerateStreamingAsync("Hi"));

        await Assert.That(updates.Count).IsEqualTo(1);
        List<Activity> spans = capture.SpansFor(server.BaseAddress);
        await Assert.That(spans).IsNotEmpty();
        await Assert.That(spans.All(span => span.Status == ActivityStatusCode.Unset)).IsTrue();
    }

    [Test]
    public async Task ChatAsync_CreatedBeyondDateTimeOffset_ReadsAsTheEpoch()
    {
        await using CannedHttpServer server = CannedHttpServer.Start(CannedHttpServer.Response(200, "application/json", ChatBody(FarFuture)));
        TgiClient client = new(server.BaseAddress);

        ChatCompletion completion = (await client.ChatAsync(s_hi)).Value;

        await Assert.That(completion.Content).IsEqualTo("ok");
        await Assert.That(completion.Created).IsEqualTo(DateTimeOffset.UnixEpoch);
    }

    [Test]
    [Arguments(FarFuture)]
    [Arguments(-FarFuture)]
    public async Task CompletionsAsync_CreatedBeyondDateTimeOffset_ReadsAsTheEpoch(long created)
    {
        string body = "{\"object\":\"text_completion\",\"id\":\"\",\"created\":" + created + ",\"model\":\"m\",\"system_fingerprint\":\"3.3.7\","
            + "\"choices\":[{\"index\":0,\"text\":\"ok\",\"logprobs\":null,\"finish_reason\":\"length\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";
        await using CannedHttpServer server = CannedHttpServer.Start(CannedHttpServer.Response(200, "application/json", body));
        TgiClient client = new(server.BaseAddress);

        Completion completion = (await client.CompletionsAsync("Hi")).Value;

        await Assert.That(completion.Created).IsEqualTo(DateTimeOffset.UnixEpoch);
    }

    [Test]
    public async Task ChatStreamingAccumulator_CreatedBeyondDateTimeOffset_ReadsAsTheEpoch()
    {
        await using CannedHttpServer server = CannedHttpServer.Start(CannedHttpServer.Sse(ChatChunk(FarFuture, "\"content\":\"ok\"", "null"), ChatChunk(FarFuture, "", "\"stop\""), "[DONE]"));
        TgiClient client = new(server.BaseAddress);
        ChatCompletionAccumulator accumulator = new();

        await foreach (ChatCompletionUpdate update in client.ChatStreamingAsync(s_hi))
        {
            accumulator.Append(update);
        }

        ChatCompletion completion = accumulator.ToCompletion();
        await Assert.That(completion.Content).IsEqualTo("ok");
        await Assert.That(completion.Created).IsEqualTo(DateTimeOffset.UnixEpoch);
    }

    [Test]
    public async Task RunToolsStreamingAsync_CreatedBeyondDateTimeOffset_Completes()
    {
        await using CannedHttpServer server = CannedHttpServer.Start(CannedHttpServer.Sse(ChatChunk(FarFuture, "\"content\":\"ok\"", "null"), ChatChunk(FarFuture, "", "\"stop\""), "[DONE]"));
        TgiClient client = new(server.BaseAddress);
        ChatCompletionOptions options = new();
        options.Tools.Add(TgiTool.Create("noop", null, System.Text.Json.JsonDocument.Parse("{\"type\":\"object\",\"properties\":{}}").RootElement, (_, _) => Task.FromResult("done")));

        List<ChatToolLoopUpdate> updates = await Expect.ToListAsync(client.RunToolsStreamingAsync(s_hi, options));

        await Assert.That(updates.Last().Kind).IsEqualTo(ChatToolLoopUpdateKind.Completed);
    }

    [Test]
    [Arguments("2147483648", int.MaxValue)]
    [Arguments("1e20", int.MaxValue)]
    [Arguments("-5", 0)]
    [Arguments("{}", 0)]
    [Arguments("[]", 0)]
    [Arguments("\"many\"", 0)]
    [Arguments("4096", 4096)]
    public async Task GetInfoAsync_LegacyMaxInputLengthOutOfIntRangeOrNotANumber_IsAValue(string value, int expected)
    {
        string body = "{\"model_id\":\"m\",\"max_concurrent_requests\":1,\"max_best_of\":1,\"max_stop_sequences\":1,\"max_input_length\":" + value
            + ",\"max_total_tokens\":8,\"validation_workers\":1,\"max_client_batch_size\":1,\"router\":\"text-generation-router\",\"version\":\"2.0.0\"}";
        await using CannedHttpServer server = CannedHttpServer.Start(CannedHttpServer.Response(200, "application/json", body));
        TgiClient client = new(server.BaseAddress);

        TgiInfo info = (await client.GetInfoAsync()).Value;

        await Assert.That(info.MaxInputTokens).IsEqualTo(expected);
    }

    [Test]
    [Arguments("text/plain; version=0.0.4; charset=no-such-charset")]
    [Arguments("text/plain; charset=\"")]
    public async Task GetMetricsAsync_UnknownCharset_ReadsTheTextAsUtf8(string contentType)
    {
        await using CannedHttpServer server = CannedHttpServer.Start(CannedHttpServer.Response(200, contentType, "tgi_request_count 3\n"));
        TgiClient client = new(server.BaseAddress);

        IReadOnlyList<TgiMetric> metrics = (await client.GetMetricsAsync()).Value;

        await Assert.That(metrics.Single().Value).IsEqualTo(3d);
    }

    [Test]
    [Arguments("{\\\"function\\\": {\\\"_name\\\": \\\"\\\\ud800\\\", \\\"city\\\": \\\"Paris\\\"}}")]
    [Arguments("{\\\"function\\\": {\\\"_name\\\": \\\"no_tool\\\", \\\"content\\\": \\\"hi \\\\udc00\\\"}}")]
    [Arguments("{\\\"function\\\": {\\\"_name\\\": \\\"notify_error\\\", \\\"error\\\": \\\"\\\\ud800\\\"}}")]
    public async Task ChatStreaming_ToolCallWithLoneSurrogate_ToCompletionGivesAValue(string arguments)
    {
        // TGI 2.4–3.1 shape: the grammar output streamed as the arguments of an unnamed call.
        string call = "\"tool_calls\":{\"index\":0,\"id\":\"\",\"type\":\"function\",\"function\":{\"name\":null,\"arguments\":\"" + arguments + "\"}}";
        await using CannedHttpServer server = CannedHttpServer.Start(CannedHttpServer.Sse(ChatChunk(1, call, "null"), ChatChunk(1, "", "\"eos_token\""), "[DONE]"));
        TgiClient client = new(server.BaseAddress);
        ChatCompletionAccumulator accumulator = new();

        await foreach (ChatCompletionUpdate update in client.ChatStreamingAsync(s_hi))
        {
            accumulator.Append(update);
        }

        ChatCompletion completion = accumulator.ToCompletion();
        await Assert.That(completion.ToolCalls.Count + (completion.Content is null ? 0 : 1)).IsGreaterThan(0);
    }

    [Test]
    public async Task ParseArguments_NotJson_ThrowsTgiException_AsGetArgumentsDoes()
    {
        ChatToolCall call = new("0", "get_weather", "{\"city\": \"Par");

        TgiException? parse = await Assert.That(() => call.ParseArguments()).Throws<TgiException>();
        TgiException? get = await Assert.That(() => call.GetArguments(TestJsonContext.Default.WeatherArgs)).Throws<TgiException>();

        await Assert.That(parse!.ErrorType).IsEqualTo(TgiErrorType.InvalidOutput);
        await Assert.That(parse.RawResponseBody).IsEqualTo(call.ArgumentsJson);
        await Assert.That(get!.ErrorType).IsEqualTo(parse.ErrorType);
    }

    public static IEnumerable<string> Routes() => RouteCalls.Names;

    private static KeyValuePair<string, string>[] Headers(string value) =>
    [
        new("x-queue-time", value),
        new("x-inference-time", value),
        new("x-validation-time", value),
        new("x-total-time", value),
        new("x-time-per-token", value),
        new("x-compute-time", value),
    ];

    private static string ChatBody(long created) =>
        "{\"object\":\"chat.completion\",\"id\":\"\",\"created\":" + created + ",\"model\":\"m\",\"system_fingerprint\":\"3.3.7\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";

    private static string ChatChunk(long created, string delta, string finish) =>
        "{\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":" + created + ",\"model\":\"m\",\"system_fingerprint\":\"3.3.7\","
        + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"" + (delta.Length > 0 ? "," + delta : string.Empty) + "},\"logprobs\":null,\"finish_reason\":" + finish + "}],\"usage\":null}";
}
