// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;
using System.Text;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Streaming;

namespace Tgi.Sdk.Tests.Streaming;

/// <summary>
/// Runs chat stream events through two <see cref="ChatStreamHandler"/>s, one with the byte-level fast path and one
/// without, and describes every outcome (update, skip, end or exception) as text, so tests can compare the two paths.
/// </summary>
internal static class ChatPaths
{
    /// <summary>Frames an SSE body into its events' data with the SDK's own reader.</summary>
    public static async Task<List<byte[]>> EventsAsync(byte[] body)
    {
        using MemoryStream stream = new(body, writable: false);
        using SseEventReader reader = new(stream, 4 * 1024 * 1024, Timeout.InfiniteTimeSpan, CancellationToken.None);
        List<byte[]> events = [];
        while (true)
        {
            while (TryRead(reader, out byte[]? data))
            {
                events.Add(data!);
            }

            if (!await reader.FillAsync())
            {
                return events;
            }
        }
    }

    /// <summary>Frames each JSON text as one event's data.</summary>
    public static List<byte[]> Events(params string[] data) => [.. data.Select(Encoding.UTF8.GetBytes)];

    /// <summary>Runs the events through both paths.</summary>
    /// <returns>Each path's outcomes, and how many chunks the fast path took.</returns>
    public static (List<string> Fast, List<string> Slow, int FastChunks) Run(IEnumerable<byte[]> events)
    {
        ChatStreamHandler fast = new(fastPath: true);
        ChatStreamHandler slow = new(fastPath: false);
        List<string> fastOutcomes = [];
        List<string> slowOutcomes = [];
        foreach (byte[] data in events)
        {
            fastOutcomes.Add(Outcome(fast, data));
            slowOutcomes.Add(Outcome(slow, data));
        }

        return (fastOutcomes, slowOutcomes, fast.FastChunks);
    }

    /// <summary>Handles one event and describes the outcome.</summary>
    public static string Outcome(ChatStreamHandler handler, byte[] data)
    {
        try
        {
            return handler.Handle(data, out ChatCompletionUpdate update) switch
            {
                StreamEventResult.Item => Describe(update),
                StreamEventResult result => result.ToString(),
            };
        }
        catch (TgiException ex)
        {
            return $"{ex.GetType().Name}({ex.ErrorType}): {ex.Message} <- {ex.InnerException?.GetType().Name}";
        }
    }

    /// <summary>Every field of an update, as text.</summary>
    public static string Describe(ChatCompletionUpdate u)
    {
        StringBuilder text = new();
        text.Append(CultureInfo.InvariantCulture, $"id={Quote(u.Id)} model={Quote(u.Model)} created={u.CreatedUnixSeconds} fp={Quote(u.SystemFingerprint)}");
        text.Append(CultureInfo.InvariantCulture, $" role={Quote(u.Role?.ToString())} content={Quote(u.ContentDelta)} finish={Quote(u.FinishReason?.ToString())}");
        text.Append(" usage=").Append(u.Usage is { } usage ? $"{usage.PromptTokens}/{usage.CompletionTokens}/{usage.TotalTokens}" : "null");
        text.Append(" tools=[");
        foreach (ChatToolCallUpdate call in u.ToolCallUpdates)
        {
            text.Append(CultureInfo.InvariantCulture, $"{call.Index}:{Quote(call.Id)}:{Quote(call.FunctionName)}:{Quote(call.ArgumentsDelta)};");
        }

        text.Append("] logprobs=");
        if (u.Logprobs is null)
        {
            text.Append("null");
        }
        else
        {
            foreach (ChatTokenLogprob logprob in u.Logprobs)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Quote(logprob.Token)}:{logprob.Logprob:R}(");
                foreach (ChatTopLogprob top in logprob.TopLogprobs)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{Quote(top.Token)}:{top.Logprob:R};");
                }

                text.Append(')');
            }
        }

        return text.ToString();
    }

    private static string Quote(string? value) => value is null ? "<null>" : "\"" + value + "\"";

    private static bool TryRead(SseEventReader reader, out byte[]? data)
    {
        if (reader.TryReadEvent(out ReadOnlySpan<byte> span))
        {
            data = span.ToArray();
            return true;
        }

        data = null;
        return false;
    }
}
