// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using MeAi = Microsoft.Extensions.AI;

namespace Tgi.Sdk.Extensions.AI;

/// <summary>An <see cref="IChatClient"/> over a <see cref="TgiClient"/> or a provider (<see cref="TgiChatBackend"/>).</summary>
internal sealed class TgiChatClient : IChatClient
{
    private readonly TgiChatBackend _backend;
    private readonly ChatClientMetadata _metadata;

    public TgiChatClient(TgiChatBackend backend, string? defaultModelId)
    {
        _backend = backend;
        _metadata = new ChatClientMetadata("tgi", backend.Endpoint, defaultModelId);
    }

    /// <inheritdoc/>
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<MeAi.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        IReadOnlyList<MeAi.ChatMessage> list = [.. messages];
        if (GeneratePrompt(list, options) is { } prompt)
        {
            TgiResult<GenerateResponse> generated = await _backend.GenerateAsync(prompt, TgiRequestMapper.ToGenerateOptions(options, streaming: false), cancellationToken).ConfigureAwait(false);
            return TgiResponseMapper.FromGenerate(generated, options?.ModelId ?? _metadata.DefaultModelId);
        }

        try
        {
            TgiResult<ChatCompletion> result = await _backend.ChatAsync(
                TgiRequestMapper.ToTgiMessages(list), TgiRequestMapper.ToChatOptions(options, streaming: false), cancellationToken).ConfigureAwait(false);
            return TgiResponseMapper.FromChat(result);
        }
        catch (TgiException e) when (e.ErrorType == TgiErrorType.TemplateError)
        {
            throw NoChatTemplate(e);
        }
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<MeAi.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        IReadOnlyList<MeAi.ChatMessage> list = [.. messages];
        return GeneratePrompt(list, options) is { } prompt
            ? StreamGenerateAsync(prompt, options, cancellationToken)
            : StreamChatAsync(list, options, cancellationToken);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(_backend.InnerService) ? _backend.InnerService
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // The TgiClient belongs to the caller.
    }

    /// <summary>The chunk's time; none when the server sent none (0) or a value no <see cref="DateTimeOffset"/> can hold.</summary>
    private static DateTimeOffset? CreatedAt(long unixSeconds) =>
        unixSeconds > 0 && unixSeconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds() ? DateTimeOffset.FromUnixTimeSeconds(unixSeconds) : null;

    /// <summary>The raw prompt for <c>/generate</c> when generate-only options are set; throws when the conversation cannot be one.</summary>
    private static string? GeneratePrompt(IReadOnlyList<MeAi.ChatMessage> messages, ChatOptions? options)
    {
        List<string> generateOnly = TgiRequestMapper.GenerateOnlyOptions(options);
        if (generateOnly.Count == 0)
        {
            return null;
        }

        if (options?.Tools is { Count: > 0 } || TgiRequestMapper.SinglePrompt(messages) is not { } prompt)
        {
            throw new NotSupportedException(
                $"{string.Join(", ", generateOnly)} exist only on TGI's /generate, which takes one raw prompt: send a single user text "
                + "message without tools (it is sent untemplated), or remove these options to use /v1/chat/completions.");
        }

        return prompt;
    }

    private async IAsyncEnumerable<ChatResponseUpdate> StreamChatAsync(IReadOnlyList<MeAi.ChatMessage> messages, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IAsyncEnumerable<ChatCompletionUpdate> stream = _backend.ChatStreamingAsync(
            TgiRequestMapper.ToTgiMessages(messages), TgiRequestMapper.ToChatOptions(options, streaming: true), cancellationToken);

        // Tool-call fragments go to the SDK's accumulator, which resolves every TGI version's shape at the end (≤3.1: the
        // whole grammar JSON with _name and EOS text; no_tool/notify_error become text). API.md §5.4: no finish chunk
        // follows a streamed call, so the finish reason is latched.
        ChatCompletionAccumulator? toolCalls = null;
        FinishReason? finish = null;
        string? responseId = null;
        string? modelId = null;
        IAsyncEnumerator<ChatCompletionUpdate> enumerator = stream.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (await MoveNextAsync(enumerator).ConfigureAwait(false))
            {
                ChatCompletionUpdate update = enumerator.Current;
                responseId ??= TgiResponseMapper.NullIfEmpty(update.Id);
                modelId ??= update.Model;
                finish = update.FinishReason ?? finish;
                if (update.ToolCallUpdates.Count > 0)
                {
                    (toolCalls ??= new ChatCompletionAccumulator()).Append(update);
                }

                List<AIContent> contents = [];
                if (!string.IsNullOrEmpty(update.ContentDelta))
                {
                    contents.Add(new TextContent(update.ContentDelta));
                }

                if (update.Usage is { } usage)
                {
                    contents.Add(new UsageContent(TgiResponseMapper.ToUsage(usage.PromptTokens, usage.CompletionTokens)));
                }

                if (contents.Count == 0 && update.FinishReason is null)
                {
                    continue;
                }

                yield return new ChatResponseUpdate(MeAi.ChatRole.Assistant, contents)
                {
                    ResponseId = responseId,
                    ModelId = update.Model,
                    CreatedAt = CreatedAt(update.CreatedUnixSeconds),
                    FinishReason = toolCalls is null ? TgiResponseMapper.MapFinishReason(update.FinishReason, hasToolCalls: false) : null,
                    RawRepresentation = update,
                };
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }

        if (toolCalls is not null)
        {
            ChatCompletion resolved = toolCalls.ToCompletion();
            List<AIContent> contents = [];
            if (!string.IsNullOrEmpty(resolved.Content))
            {
                // A "no tool" answer from TGI ≤3.1 arrives as a tool call and resolves to text.
                contents.Add(new TextContent(resolved.Content));
            }

            for (int i = 0; i < resolved.ToolCalls.Count; i++)
            {
                ChatToolCall call = resolved.ToolCalls[i];
                string callId = string.IsNullOrEmpty(call.Id) ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : call.Id;
                contents.Add(TgiResponseMapper.ToFunctionCall(callId, call.FunctionName, call.ArgumentsJson));
            }

            yield return new ChatResponseUpdate(MeAi.ChatRole.Assistant, contents)
            {
                ResponseId = responseId,
                ModelId = modelId,
                FinishReason = TgiResponseMapper.MapFinishReason(finish, hasToolCalls: resolved.ToolCalls.Count > 0),
            };
        }
    }

    private async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<ChatCompletionUpdate> enumerator)
    {
        try
        {
            return await enumerator.MoveNextAsync().ConfigureAwait(false);
        }
        catch (TgiException e) when (e.ErrorType == TgiErrorType.TemplateError)
        {
            throw NoChatTemplate(e);
        }
    }

    /// <summary>TGI: a model without a chat template answers chat with 422 template_error.</summary>
    private TgiException NoChatTemplate(TgiException e) =>
        new(
            $"The model{(_backend.Endpoint is { } endpoint ? " at " + endpoint : string.Empty)} has no chat template, so TGI cannot serve a conversation on /v1/chat/completions "
            + "(HTTP 422 template_error). Serve a model that ships a chat template, or use TgiClient.GenerateAsync with a raw prompt. "
            + $"Server said: {e.ErrorMessage}",
            e.Status,
            e.ErrorType,
            e.ErrorMessage,
            e.RawResponseBody,
            isRetryable: false,
            e);

    private async IAsyncEnumerable<ChatResponseUpdate> StreamGenerateAsync(string prompt, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IAsyncEnumerable<GenerateStreamUpdate> stream = _backend.GenerateStreamingAsync(prompt, TgiRequestMapper.ToGenerateOptions(options, streaming: true), cancellationToken);
        string? modelId = options?.ModelId ?? _metadata.DefaultModelId;
        await foreach (GenerateStreamUpdate update in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            List<AIContent> contents = [];

            // TGI: the EOS token's text is not part of the answer (API.md §4).
            if (!update.Token.IsSpecial && !string.IsNullOrEmpty(update.Token.Text))
            {
                contents.Add(new TextContent(update.Token.Text));
            }

            if (update.IsFinal && update.Details is { } details)
            {
                contents.Add(new UsageContent(TgiResponseMapper.ToUsage(details.InputLength, details.GeneratedTokens)));
            }

            yield return new ChatResponseUpdate(MeAi.ChatRole.Assistant, contents)
            {
                ModelId = modelId,
                FinishReason = TgiResponseMapper.MapFinishReason(update.Details?.FinishReason, hasToolCalls: false),
                RawRepresentation = update,
            };
        }
    }
}
