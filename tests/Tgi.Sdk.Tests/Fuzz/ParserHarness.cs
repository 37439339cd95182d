// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using System.Text;
using System.Text.Json;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Completions;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Internal;
using Tgi.Sdk.Streaming;
using Tgi.Sdk.Tests.Streaming;

namespace Tgi.Sdk.Tests.Fuzz;

/// <summary>
/// Drives each route's parser directly (no HTTP) the way the client does, and describes the outcome as text. Any
/// exception the client would let escape (anything but a <see cref="TgiException"/>, or for bodies the exceptions
/// the client turns into one) propagates, so the fuzz property fails.
/// </summary>
internal static class ParserHarness
{
    /// <summary>The routes whose answer is one body.</summary>
    public static readonly string[] BodyRoutes = ["generate", "compat", "chat", "completions", "info", "models", "tokenize", "chat_tokenize", "metrics", "error"];

    /// <summary>The routes whose answer is an SSE stream.</summary>
    public static readonly string[] StreamRoutes = ["generate_stream", "generate_stream_raw", "chat_stream", "completions_stream"];

    // Kiota's parse-node factories are registered when a client is built.
    private static readonly TgiClient s_client = new(new Uri("http://127.0.0.1:9/"));

    /// <summary>Whether the route's answer is a stream.</summary>
    public static bool IsStream(string route) => StreamRoutes.Contains(route);

    /// <summary>Whether the route has a byte-level fast path to compare with the reader.</summary>
    public static bool HasFastPath(string route) => route is "generate_stream" or "generate_stream_raw" or "chat_stream";

    /// <summary>Parses one body.</summary>
    public static string RunBody(string route, byte[] body)
    {
        _ = s_client;
        switch (route)
        {
            case "metrics":
                try
                {
                    return string.Join(';', IntrospectionWire.ParseMetrics(Encoding.UTF8.GetString(body)).Select(m => $"{m.Name}{m.Labels.Count}={m.Value.ToString("R", CultureInfo.InvariantCulture)}"));
                }
                catch (FormatException)
                {
                    // TgiClient.GetMetricsAsync reports this as a protocol TgiException.
                    return "malformed";
                }

            case "error":
                TgiException e = TgiErrors.FromResponse(422, body);
                return $"{e.Status} {e.ErrorType} {e.IsRetryable} {e.Message} | {e.ErrorMessage} | {e.RawResponseBody?.Length}";
            case "generate":
                return Json(body, GenerateWire.ReadResponse, Describe);
            case "compat":
                return Json(body, GenerateWire.ReadCompatResponse, Describe);
            case "chat":
                return Json(body, ChatWire.ReadCompletion, Describe);
            case "completions":
                return Json(body, CompletionWire.Read, c => $"{c.Id} {c.Model} {c.Created:O} {c.SystemFingerprint} {string.Join(',', c.Choices.Select(x => $"{x.Index}:{x.Text}:{x.FinishReason}"))} {c.Usage?.TotalTokens}");
            case "info":
                return Json(body, IntrospectionWire.ReadInfo, i => $"{i.ModelId} {i.MaxInputTokens} {i.MaxTotalTokens} {i.MaxBestOf} {i.Version} {i.Router}");
            case "models":
                return Json(body, IntrospectionWire.ReadModels, m => string.Join(',', m.Select(x => $"{x.Id}:{x.OwnedBy}:{x.CreatedUnixSeconds}")));
            case "tokenize":
                return Json(body, IntrospectionWire.ReadTokens, t => string.Join(',', t.Select(x => $"{x.Id}:{x.Text}:{x.Start}:{x.Stop}")));
            case "chat_tokenize":
                return Json(body, IntrospectionWire.ReadChatTokenize, t => $"{t.TemplatedText} {t.Tokens.Count}");
            default:
                throw new ArgumentOutOfRangeException(nameof(route), route, "Not a body route.");
        }
    }

    /// <summary>Reads one SSE answer from the source through the route's handler, the way the streaming result does.</summary>
    public static string RunStream(string route, Stream source, bool fastPath)
    {
        return route switch
        {
            "generate_stream" => Stream(new GenerateStreamHandler(fastPath), source, DescribeUpdate, null),
            "generate_stream_raw" => Stream(new GenerateStreamRawHandler(fastPath), source, DescribeUpdate, null),
            "chat_stream" => Stream(new ChatStreamHandler(fastPath), source, ChatPaths.Describe, new ChatCompletionAccumulator()),
            "completions_stream" => Stream(new CompletionStreamHandler(1), source, u => $"{u.PromptIndex}:{u.TextDelta}:{u.FinishReason}:{u.Usage?.TotalTokens}:{u.Model}:{u.CreatedUnixSeconds}", null),
            _ => throw new ArgumentOutOfRangeException(nameof(route), route, "Not a stream route."),
        };
    }

    private static string Stream<T>(StreamEventHandler<T> handler, Stream source, Func<T, string> describe, ChatCompletionAccumulator? accumulator)
    {
        StringBuilder outcome = new();
        try
        {
            using SseEventReader reader = new(source, 1 << 20, Timeout.InfiniteTimeSpan, CancellationToken.None);
            while (true)
            {
                while (reader.TryReadEvent(out ReadOnlySpan<byte> data))
                {
                    StreamEventResult result = handler.Handle(data, out T item);
                    if (result == StreamEventResult.End)
                    {
                        return Finish(outcome.Append("end"), accumulator);
                    }

                    if (result == StreamEventResult.Item)
                    {
                        outcome.Append(describe(item)).Append('\n');
                        if (accumulator is not null && item is ChatCompletionUpdate update)
                        {
                            accumulator.Append(update);
                        }

                        if (handler.IsComplete)
                        {
                            return Finish(outcome.Append("complete"), accumulator);
                        }
                    }
                }

                if (!reader.FillAsync().AsTask().GetAwaiter().GetResult())
                {
                    handler.OnEndOfStream();
                    return Finish(outcome.Append("eof"), accumulator);
                }
            }
        }
        catch (TgiException e)
        {
            return outcome.Append(CultureInfo.InvariantCulture, $"TgiException {e.Status} {e.ErrorType} {e.IsRetryable}: {e.Message}").ToString();
        }
        finally
        {
            handler.Release();
        }
    }

    private static string Finish(StringBuilder outcome, ChatCompletionAccumulator? accumulator)
    {
        if (accumulator is not null)
        {
            // The assembled completion must come out of any stream the handler accepted.
            ChatCompletion c = accumulator.ToCompletion();
            outcome.Append(CultureInfo.InvariantCulture, $" => {c.Created:O} {c.Content} {c.FinishReason} {string.Join(',', c.ToolCalls.Select(t => t.FunctionName + t.ArgumentsJson))}");
        }

        return outcome.ToString();
    }

    private static string Json<T>(byte[] body, Func<JsonElement, T> parse, Func<T, string> describe)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            return describe(parse(document.RootElement));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            // The exceptions TgiClient.SendJsonAsync reports as a protocol TgiException ("not in TGI's format").
            return "malformed";
        }
    }

    private static string Describe(GenerateResponse r) =>
        $"{r.GeneratedText} {r.Details?.FinishReason} {r.Details?.GeneratedTokens} {r.Details?.Seed} {r.Details?.Tokens.Count} {r.Details?.Prefill.Count} {r.Details?.BestOfSequences?.Count}";

    private static string Describe(ChatCompletion c) =>
        $"{c.Id} {c.Model} {c.Created:O} {c.Role} {c.Content} {c.FinishReason} {c.Usage?.TotalTokens} {c.Logprobs?.Count} {string.Join(',', c.ToolCalls.Select(t => t.Id + t.FunctionName + t.ArgumentsJson))}";

    private static string DescribeUpdate(GenerateStreamUpdate u) =>
        string.Create(CultureInfo.InvariantCulture, $"{u.Index} {u.Token.Id} {u.Token.Text} {u.Token.Logprob:R} {u.Token.IsSpecial} {u.GeneratedText} {u.TopTokens?.Count} {u.Details?.FinishReason} {u.Details?.Seed}");

    private static string DescribeUpdate(GenerateStreamRawUpdate u) =>
        string.Create(CultureInfo.InvariantCulture, $"{u.Index} {u.TokenId} {Encoding.UTF8.GetString(u.TextUtf8.Span)} {u.Logprob:R} {u.IsSpecial} {u.IsFinal} {Encoding.UTF8.GetString(u.GeneratedTextUtf8.Span)} {u.Details?.Seed}");
}
