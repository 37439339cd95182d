// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Runtime.CompilerServices;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Introspection;

namespace Tgi.Sdk.Providers;

public partial class TgiProvider
{
    /// <summary>Sends a request to the API <see cref="TgiRouteTable"/> picks, with failover across replicas.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The response with its usage summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request is not routable.</exception>
    /// <exception cref="NotSupportedException">The request uses a feature the provider is configured without.</exception>
    /// <exception cref="TgiException">Every replica failed, or the request itself failed (422, 424: never retried).</exception>
    public virtual Task<TgiProviderResponse> CompleteAsync(TgiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        TgiRoute route = SelectRoute(request, streaming: false);
        return ExecuteAsync(request.Model, (endpoint, ct) => CompleteOnAsync(endpoint, route, request, ct), cancellationToken);
    }

    /// <summary>Streams a response from the API <see cref="TgiRouteTable"/> picks, with failover before the first token.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The updates.</returns>
    /// <remarks>
    /// The request is sent on the first <c>MoveNextAsync</c>. A replica that fails before its first update is replaced
    /// by the next one; once an update has reached the caller, a failure is thrown as a <see cref="TgiException"/> and
    /// never retried, so no token is duplicated or lost.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request is not routable.</exception>
    /// <exception cref="NotSupportedException">The request uses a feature the provider is configured without.</exception>
    public virtual IAsyncEnumerable<TgiProviderUpdate> StreamAsync(TgiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        TgiRoute route = SelectRoute(request, streaming: true);
        return StreamCoreAsync(route, request, cancellationToken);
    }

    /// <summary>Counts a request's prompt tokens exactly: <c>/tokenize</c> for a prompt, <c>/chat_tokenize</c> for messages.</summary>
    /// <param name="request">The request (its prompt or messages, tools and model).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The number of tokens the model sees (the templated prompt for messages).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="TgiException">The request failed.</exception>
    public virtual Task<int> CountTokensAsync(TgiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        TgiRouteTable.Resolve(request, streaming: false);
        return ExecuteAsync(
            request.Model,
            async (endpoint, ct) =>
            {
                if (request.Prompt is { } prompt)
                {
                    TgiResult<IReadOnlyList<TokenizedToken>> tokens = await endpoint.Client.TokenizeAsync(prompt, null, ct).ConfigureAwait(false);
                    return tokens.Value.Count;
                }

                TgiResult<ChatTokenizeResult> chat = await endpoint.Client.ChatTokenizeAsync(
                    request.Messages, RequestMapper.ToChatOptions(request, streaming: false), ct).ConfigureAwait(false);
                return chat.Value.Tokens.Count;
            },
            cancellationToken);
    }

    /// <summary>Counts a prompt's tokens exactly through <c>/tokenize</c>.</summary>
    /// <param name="prompt">The prompt.</param>
    /// <param name="model">The model, or null for any replica.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The number of tokens (special tokens included, as TGI adds them).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="prompt"/> is null.</exception>
    /// <exception cref="TgiException">The request failed.</exception>
    public virtual Task<int> CountTokensAsync(string prompt, string? model = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return CountTokensAsync(new TgiRequest { Prompt = prompt, Model = model }, cancellationToken);
    }

    /// <summary>Reads <c>/info</c> from a replica serving the model.</summary>
    /// <param name="model">The model, or null for the first available replica.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The server's info.</returns>
    /// <exception cref="TgiException">No replica answered.</exception>
    public virtual Task<TgiInfo> GetInfoAsync(string? model = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(model, async (endpoint, ct) => (await endpoint.Client.GetInfoAsync(ct).ConfigureAwait(false)).Value, cancellationToken);

    private IAsyncEnumerable<TgiProviderUpdate> StreamCoreAsync(TgiRoute route, TgiRequest request, CancellationToken cancellationToken) =>
        StreamWithFailoverAsync(
            request.Model,
            (endpoint, ct) => route.Api == TgiApi.ChatCompletions ? ChatStreamAsync(endpoint, request, ct) : GenerateStreamAsync(endpoint, request, ct),
            cancellationToken);

    /// <summary>
    /// Opens a stream on the first replica that yields its first item within <see cref="TgiProviderOptions.FirstTokenTimeout"/>;
    /// after that item, no retry.
    /// </summary>
    internal async IAsyncEnumerable<T> StreamWithFailoverAsync<T>(
        string? model,
        Func<TgiEndpoint, CancellationToken, IAsyncEnumerable<T>> open,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Open the stream and pull its first update inside the failover pipeline; after that, no retry.
        (IAsyncEnumerator<T> stream, bool hasFirst, TgiEndpoint endpoint, FirstTokenDeadline deadline) = await ExecuteAsync(
            model,
            (endpoint, ct) => OpenAsync(endpoint, open, ct),
            cancellationToken).ConfigureAwait(false);

        try
        {
            if (!hasFirst)
            {
                yield break;
            }

            yield return stream.Current;
            while (await MoveNextAfterFirstAsync(stream, endpoint, deadline).ConfigureAwait(false))
            {
                yield return stream.Current;
            }
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            deadline.Dispose();
        }
    }

    /// <summary>One streaming attempt: open on a replica and wait for its first update, at most the first-token timeout.</summary>
    private async Task<(IAsyncEnumerator<T> Stream, bool HasFirst, TgiEndpoint Endpoint, FirstTokenDeadline Deadline)> OpenAsync<T>(
        TgiEndpoint endpoint,
        Func<TgiEndpoint, CancellationToken, IAsyncEnumerable<T>> open,
        CancellationToken cancellationToken)
    {
        FirstTokenDeadline deadline = new(_options.FirstTokenTimeout, _timeProvider, cancellationToken);
        IAsyncEnumerator<T>? enumerator = null;
        try
        {
            enumerator = open(endpoint, deadline.Token).GetAsyncEnumerator(deadline.Token);
            bool has = await enumerator.MoveNextAsync().ConfigureAwait(false);

            // A first update that lost the race with the deadline counts as late: nothing reached the caller yet.
            if (!deadline.TryDisarm())
            {
                throw deadline.ToException(endpoint.Url, null);
            }

            return (enumerator, has, endpoint, deadline);
        }
        catch (Exception e)
        {
            // TGI: a replica may send 200 and the SSE headers at once, then nothing (or only keep-alives) while stalled.
            bool late = e is OperationCanceledException && deadline.Expired;
            if (enumerator is not null)
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }

            deadline.Dispose();
            if (late)
            {
                throw deadline.ToException(endpoint.Url, e);
            }

            throw;
        }
    }

    private static async ValueTask<bool> MoveNextAfterFirstAsync<T>(IAsyncEnumerator<T> stream, TgiEndpoint endpoint, FirstTokenDeadline deadline)
    {
        try
        {
            return await stream.MoveNextAsync().ConfigureAwait(false);
        }
        catch (TgiException e)
        {
            // A token already reached the caller: retrying would duplicate it, so the error goes to the caller.
            endpoint.RecordFailure(e);
            throw;
        }
        catch (OperationCanceledException e) when (deadline.Expired)
        {
            // The deadline fired while the first update was being handed over; not the caller's cancellation.
            throw deadline.ToException(endpoint.Url, e);
        }
    }

    private async Task<TgiProviderResponse> CompleteOnAsync(TgiEndpoint endpoint, TgiRoute route, TgiRequest request, CancellationToken cancellationToken)
    {
        if (route.Api == TgiApi.Generate)
        {
            TgiResult<GenerateResponse> result = await endpoint.Client.GenerateAsync(
                request.Prompt!, RequestMapper.ToGenerateOptions(request, streaming: false), cancellationToken).ConfigureAwait(false);
            TgiRawResponse raw = result.GetRawResponse();
            GenerateDetails? details = result.Value.Details;
            return new TgiProviderResponse(
                result.Value.GeneratedText,
                [],
                details?.FinishReason,
                new TgiUsageSummary(null, details?.GeneratedTokens, raw),
                route,
                endpoint.Url,
                endpoint.Model,
                raw,
                result.Value);
        }

        try
        {
            TgiResult<ChatCompletion> result = await endpoint.Client.ChatAsync(
                RequestMapper.ToMessages(request), RequestMapper.ToChatOptions(request, streaming: false), cancellationToken).ConfigureAwait(false);
            TgiRawResponse raw = result.GetRawResponse();
            ChatCompletion completion = result.Value;
            return new TgiProviderResponse(
                completion.Content ?? string.Empty,
                completion.ToolCalls ?? [],
                completion.FinishReason,
                new TgiUsageSummary(completion.Usage?.PromptTokens, completion.Usage?.CompletionTokens, raw),
                route,
                endpoint.Url,
                endpoint.Model,
                raw,
                completion);
        }
        catch (TgiException e) when (e.ErrorType == TgiErrorType.TemplateError)
        {
            throw NoChatTemplate(endpoint, e);
        }
    }

    private static async IAsyncEnumerable<TgiProviderUpdate> ChatStreamAsync(TgiEndpoint endpoint, TgiRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TgiStreamingResult<ChatCompletionUpdate> result = endpoint.Client.ChatStreamingAsync(
            RequestMapper.ToMessages(request), RequestMapper.ToChatOptions(request, streaming: true), cancellationToken);
        IAsyncEnumerator<ChatCompletionUpdate> enumerator = result.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (await MoveNextChatAsync(enumerator, endpoint).ConfigureAwait(false))
            {
                ChatCompletionUpdate update = enumerator.Current;
                TgiUsageSummary? usage = update.Usage is { } u ? new TgiUsageSummary(u.PromptTokens, u.CompletionTokens, result.GetRawResponse()) : null;
                yield return new TgiProviderUpdate(update.ContentDelta, update.ToolCallUpdates, update.FinishReason, usage, endpoint.Url);
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async ValueTask<bool> MoveNextChatAsync(IAsyncEnumerator<ChatCompletionUpdate> enumerator, TgiEndpoint endpoint)
    {
        try
        {
            return await enumerator.MoveNextAsync().ConfigureAwait(false);
        }
        catch (TgiException e) when (e.ErrorType == TgiErrorType.TemplateError)
        {
            throw NoChatTemplate(endpoint, e);
        }
    }

    private static async IAsyncEnumerable<TgiProviderUpdate> GenerateStreamAsync(TgiEndpoint endpoint, TgiRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TgiStreamingResult<GenerateStreamUpdate> result = endpoint.Client.GenerateStreamingAsync(
            request.Prompt!, RequestMapper.ToGenerateOptions(request, streaming: true), cancellationToken);
        await foreach (GenerateStreamUpdate update in result.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            StreamDetails? details = update.Details;
            TgiUsageSummary? usage = update.IsFinal && details is not null
                ? new TgiUsageSummary(details.InputLength, details.GeneratedTokens, result.GetRawResponse())
                : null;

            // TGI: special tokens (EOS) carry their own text, which is not part of the answer (API.md §4).
            string text = update.Token.IsSpecial ? string.Empty : update.Token.Text;
            yield return new TgiProviderUpdate(text, null, details?.FinishReason, usage, endpoint.Url);
        }
    }

    private static TgiException NoChatTemplate(TgiEndpoint endpoint, TgiException e) =>
        new(
            $"The model '{endpoint.Model ?? "unknown"}' at {endpoint.Url} has no chat template, so TGI cannot serve messages on "
            + "/v1/chat/completions (HTTP 422 template_error). Send a raw prompt instead (it goes to /generate), or serve a model "
            + $"that ships a chat template. Server said: {e.ErrorMessage}",
            e.Status,
            e.ErrorType,
            e.ErrorMessage,
            e.RawResponseBody,
            isRetryable: false,
            e);
}
