// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>Writes the chunks of one chat stream in the profile's shape, with the stream faults applied per token.</summary>
internal sealed class ChatStreamWriter(EmulatorState state, SseStream sse, string model, int topLogprobs, bool includeUsage)
{
    private int _emitted;

    public static string FinishName(WireProfile profile, FinishReason reason) => reason switch
    {
        FinishReason.EosToken => profile.ChatEosFinishReason,
        FinishReason.StopSequence => "stop_sequence",
        _ => "length",
    };

    /// <summary>One chunk per token; a special token gives <c>content: ""</c>; the last chunk has the finish_reason.</summary>
    public async Task<bool> WriteContentAsync(CompletedSequence sequence, int inputTokens)
    {
        var usage = new Usage(inputTokens, sequence.Tokens.Count);
        UsagePlacement placement = state.Profile.UsagePlacement;
        for (int i = 0; i < sequence.Tokens.Count; i++)
        {
            if (!await sse.BeforeTokenAsync(_emitted).ConfigureAwait(false))
            {
                return false;
            }

            TgiGeneratedToken token = sequence.Tokens[i];
            bool last = i == sequence.Tokens.Count - 1;
            string text = token.Special ? string.Empty : token.Text;
            text = Padding.For(sse, text) ?? text;
            Utf8JsonWriter writer = await sse.BeginEventAsync().ConfigureAwait(false);
            ChatJson.WriteContentChunk(
                writer,
                state,
                model,
                text,
                topLogprobs >= 0 ? token : null,
                topLogprobs,
                last ? FinishName(state.Profile, sequence.FinishReason) : null,
                last && includeUsage && placement == UsagePlacement.LastContentChunk ? usage : null);
            await sse.EndEventAsync(forceFlush: last).ConfigureAwait(false);
            _emitted++;
        }

        return await WriteSeparateUsageAsync(usage).ConfigureAwait(false);
    }

    /// <summary>
    /// TGI 2.x: every token, from the first grammar brace to the EOS text, is a <c>tool_calls</c> object chunk; the last
    /// carries finish_reason. A 2.4–3.1 <c>no_tool</c> answer streams only its content, with no finish_reason.
    /// </summary>
    public async Task<bool> WriteLegacyToolsAsync(CompletedSequence sequence, int inputTokens)
    {
        var usage = new Usage(inputTokens, sequence.Tokens.Count);
        if (state.Profile.NoTool == NoToolBehaviour.NoToolContent
            && ParsedToolCall.TryParse(sequence.GeneratedText, out ParsedToolCall? call, out _)
            && call!.Name == ToolCallText.NoToolName)
        {
            return await WriteNoToolContentAsync(sequence).ConfigureAwait(false);
        }

        for (int i = 0; i < sequence.Tokens.Count; i++)
        {
            if (!await sse.BeforeTokenAsync(_emitted).ConfigureAwait(false))
            {
                return false;
            }

            bool last = i == sequence.Tokens.Count - 1;
            Utf8JsonWriter writer = await sse.BeginEventAsync().ConfigureAwait(false);
            ChatJson.WriteLegacyToolChunk(
                writer,
                state,
                model,
                sequence.Tokens[i].Text,
                last ? FinishName(state.Profile, sequence.FinishReason) : null,
                last && includeUsage && state.Profile.UsagePlacement == UsagePlacement.LastContentChunk ? usage : null);
            await sse.EndEventAsync(forceFlush: last).ConfigureAwait(false);
            _emitted++;
        }

        return true;
    }

    /// <summary>
    /// TGI ≥3.2: buffer until the function name parses, send it with <c>arguments: "{"</c>, then the raw token texts, the
    /// outer brace trimmed from the closing token; the EOS after the JSON is swallowed, so no chunk has a finish_reason
    /// (unless max_tokens cut the JSON: then the last tool chunk says "length").
    /// </summary>
    public async Task<ToolStreamOutcome> WriteToolsAsync(CompletedSequence sequence, int inputTokens, string id)
    {
        var text = new StringBuilder();
        bool inTool = false;
        bool closed = false;
        for (int i = 0; i < sequence.Tokens.Count && !closed; i++)
        {
            TgiGeneratedToken token = sequence.Tokens[i];
            bool last = i == sequence.Tokens.Count - 1;
            text.Append(token.Text);
            if (!inTool)
            {
                string partial = text.ToString().TrimEnd(' ', '\t', '\n', '\r', ',');
                if (!ParsedToolCall.TryParse(partial + "}}", out ParsedToolCall? call, out _))
                {
                    continue;
                }

                if (call!.Name == ToolCallText.NoToolName)
                {
                    return ToolStreamOutcome.NoTool;
                }

                if (!await sse.BeforeTokenAsync(_emitted).ConfigureAwait(false))
                {
                    return ToolStreamOutcome.Aborted;
                }

                Utf8JsonWriter first = await sse.BeginEventAsync().ConfigureAwait(false);
                ChatJson.WriteToolChunk(first, state, model, id, call.Name, "{", last ? FinishName(state.Profile, sequence.FinishReason) : null);
                await sse.EndEventAsync(forceFlush: last).ConfigureAwait(false);
                _emitted++;
                inTool = true;
                continue;
            }

            string fragment = token.Text;
            if (ParsedToolCall.TryParse(text.ToString().TrimEnd(), out _, out _))
            {
                // The token that closes the call: trim the outer grammar brace.
                fragment = fragment.TrimEnd();
                fragment = fragment.EndsWith('}') ? fragment[..^1] : fragment;
                closed = true;
            }

            if (!await sse.BeforeTokenAsync(_emitted).ConfigureAwait(false))
            {
                return ToolStreamOutcome.Aborted;
            }

            Utf8JsonWriter writer = await sse.BeginEventAsync().ConfigureAwait(false);
            ChatJson.WriteToolChunk(writer, state, model, id, null, fragment, last && !closed ? FinishName(state.Profile, sequence.FinishReason) : null);
            await sse.EndEventAsync(forceFlush: last || closed).ConfigureAwait(false);
            _emitted++;
        }

        return await WriteSeparateUsageAsync(new Usage(inputTokens, sequence.Tokens.Count)).ConfigureAwait(false)
            ? ToolStreamOutcome.Streamed
            : ToolStreamOutcome.Aborted;
    }

    // TGI 2.4–3.1: the JSON prefix is stripped and the no_tool content streamed; the stream ends without a finish_reason.
    private async Task<bool> WriteNoToolContentAsync(CompletedSequence sequence)
    {
        string full = Concatenate(sequence.Tokens);
        (int start, int end) = ContentRange(full);
        int position = 0;
        foreach (TgiGeneratedToken token in sequence.Tokens)
        {
            int from = Math.Max(position, start);
            int to = Math.Min(position + token.Text.Length, end);
            position += token.Text.Length;
            if (to <= from)
            {
                continue;
            }

            if (!await sse.BeforeTokenAsync(_emitted).ConfigureAwait(false))
            {
                return false;
            }

            Utf8JsonWriter writer = await sse.BeginEventAsync().ConfigureAwait(false);
            ChatJson.WriteContentChunk(writer, state, model, full[from..to], null, 0, null, null);
            await sse.EndEventAsync().ConfigureAwait(false);
            _emitted++;
        }

        return true;
    }

    private async Task<bool> WriteSeparateUsageAsync(Usage usage)
    {
        if (!includeUsage || state.Profile.UsagePlacement != UsagePlacement.SeparateChunk)
        {
            return true;
        }

        if (sse.Ended)
        {
            return false;
        }

        Utf8JsonWriter writer = await sse.BeginEventAsync().ConfigureAwait(false);
        ChatJson.WriteUsageChunk(writer, state, model, usage);
        await sse.EndEventAsync(forceFlush: true).ConfigureAwait(false);
        return true;
    }

    private static string Concatenate(IReadOnlyList<TgiGeneratedToken> tokens)
    {
        var text = new StringBuilder();
        foreach (TgiGeneratedToken token in tokens)
        {
            text.Append(token.Text);
        }

        return text.ToString();
    }

    // The characters of the "content" string value inside {"function": {"_name": "no_tool", "content": "..."}}.
    private static (int Start, int End) ContentRange(string text)
    {
        int key = text.IndexOf("\"content\"", StringComparison.Ordinal);
        if (key < 0)
        {
            return (0, 0);
        }

        int open = text.IndexOf('"', text.IndexOf(':', key + 9) + 1);
        if (open < 0)
        {
            return (0, 0);
        }

        int i = open + 1;
        while (i < text.Length && text[i] != '"')
        {
            i += text[i] == '\\' ? 2 : 1;
        }

        return (open + 1, Math.Min(i, text.Length));
    }
}
