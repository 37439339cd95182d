// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using Tgi.Sdk.Internal;

namespace Tgi.Sdk.Chat;

/// <summary>
/// Builds the complete <see cref="ChatCompletion"/> from the updates of a chat stream: the text, and the tool calls
/// assembled from their fragments, in the shape every TGI version streams.
/// </summary>
/// <remarks>
/// <para>Fragments are grouped by <see cref="ChatToolCallUpdate.Index"/>; the id and name are taken from the first
/// fragment that has them, and the arguments are concatenated. Nothing depends on a finish chunk or on ids: TGI ≥3.2
/// sends no finish chunk after a tool call, and 2.x sends empty ids.</para>
/// <para>TGI: on 2.0.4–3.1 the concatenated arguments are the whole grammar output
/// <c>{"function": {"_name": "NAME", …}}</c> followed by the EOS text; <see cref="ToCompletion"/> strips the EOS text,
/// takes <c>_name</c> as the function name and the other members as the arguments. TGI's hidden "no tool" functions
/// (<c>notify_error</c> on 2.0.1–2.3, <c>no_tool</c>) become plain content. A completion with tool calls and no finish
/// reason gets <see cref="FinishReason.Stop"/>, the reason TGI gives tool calls outside a stream.</para>
/// </remarks>
public sealed class ChatCompletionAccumulator
{
    private readonly StringBuilder _content = new();
    private readonly SortedDictionary<int, ToolCallParts> _toolCalls = [];
    private List<ChatTokenLogprob>? _logprobs;
    private bool _hasContent;
    private string? _id;
    private string? _model;
    private long _created;
    private string? _systemFingerprint;
    private ChatRole? _role;
    private FinishReason? _finishReason;
    private TokenUsage? _usage;

    /// <summary>Gets the text received so far.</summary>
    public string Content => _content.ToString();

    /// <summary>Gets a value indicating whether a tool-call fragment has been received.</summary>
    public bool HasToolCalls => _toolCalls.Count > 0;

    /// <summary>Adds one update.</summary>
    /// <param name="update">The update.</param>
    public void Append(in ChatCompletionUpdate update)
    {
        _id ??= string.IsNullOrEmpty(update.Id) ? null : update.Id;
        _model ??= update.Model;
        _systemFingerprint ??= update.SystemFingerprint;
        _role ??= update.Role;
        if (_created == 0)
        {
            _created = update.CreatedUnixSeconds;
        }

        if (update.ContentDelta is { } delta)
        {
            _hasContent = true;
            _content.Append(delta);
        }

        foreach (ChatToolCallUpdate call in update.ToolCallUpdates)
        {
            if (!_toolCalls.TryGetValue(call.Index, out ToolCallParts? parts))
            {
                parts = new ToolCallParts();
                _toolCalls.Add(call.Index, parts);
            }

            parts.Id ??= string.IsNullOrEmpty(call.Id) ? null : call.Id;
            parts.Name ??= string.IsNullOrEmpty(call.FunctionName) ? null : call.FunctionName;
            parts.Arguments.Append(call.ArgumentsDelta);
        }

        if (update.FinishReason is { } finish)
        {
            _finishReason = finish;
        }

        if (update.Usage is { } usage)
        {
            _usage = usage;
        }

        if (update.Logprobs is { Count: > 0 } logprobs)
        {
            (_logprobs ??= []).AddRange(logprobs);
        }
    }

    /// <summary>Builds the completion from everything received.</summary>
    /// <returns>The completion: the text (null when there was none), the resolved tool calls, the finish reason and usage.</returns>
    public ChatCompletion ToCompletion()
    {
        string? content = _hasContent ? _content.ToString() : null;
        List<ChatToolCall> calls = [];
        foreach (ToolCallParts parts in _toolCalls.Values)
        {
            ToolCallResolver.Resolve(parts.Id, parts.Name, parts.Arguments.ToString(), out ChatToolCall? call, out string? text);
            if (call is not null)
            {
                calls.Add(call);
            }
            else if (text is not null)
            {
                content = string.IsNullOrEmpty(content) ? text : content + text;
            }
        }

        if (calls.Count > 0 && string.IsNullOrEmpty(content))
        {
            // TGI omits content on a tool-call message (API.md §9.9); empty deltas around a streamed call are not text.
            content = null;
        }

        FinishReason? finish = _finishReason ?? (calls.Count > 0 ? FinishReason.Stop : (FinishReason?)null);
        return new ChatCompletion(
            _id ?? string.Empty,
            _model ?? string.Empty,
            UnixTime.FromSeconds(_created),
            _systemFingerprint,
            _role ?? ChatRole.Assistant,
            content,
            calls,
            finish,
            _usage,
            _logprobs);
    }

    private sealed class ToolCallParts
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public StringBuilder Arguments { get; } = new();
    }
}
