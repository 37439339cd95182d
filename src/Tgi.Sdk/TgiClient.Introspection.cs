// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Internal;
using Tgi.Sdk.Introspection;

namespace Tgi.Sdk;

/// <content>Introspection: health, info, models, tokenization and metrics.</content>
public partial class TgiClient
{
    /// <summary>Checks the server's health with <c>GET /health</c>. An unhealthy server (503) is a state, not an exception.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see cref="TgiHealthStatus.Healthy"/> on 200, <see cref="TgiHealthStatus.Unhealthy"/> on 503.</returns>
    /// <exception cref="TgiException">Any other status, or the request failed or timed out.</exception>
    public virtual async Task<TgiResult<TgiHealthStatus>> GetHealthAsync(CancellationToken cancellationToken = default)
    {
        // TGI: 503 {"error":"unhealthy","error_type":"healthcheck"} when the backend is down (API.md §1).
        (HttpResponseMessage response, ResponseBody body) = await SendBufferedAsync(HttpMethod.Get, _kiota.Health, null, acceptStatus: 503, cancellationToken).ConfigureAwait(false);
        using HttpResponseMessage owned = response;
        body.Dispose();
        TgiRawResponse raw = TgiRawResponse.From(response);
        return new TgiResult<TgiHealthStatus>(raw.Status == 503 ? TgiHealthStatus.Unhealthy : TgiHealthStatus.Healthy, raw);
    }

    /// <summary>Gets the served model and the server's limits with <c>GET /info</c>.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The info.</returns>
    /// <exception cref="TgiException">The request failed.</exception>
    public virtual Task<TgiResult<TgiInfo>> GetInfoAsync(CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Get, _kiota.Info, null, IntrospectionWire.ReadInfo, cancellationToken);

    /// <summary>Lists the served models with <c>GET /v1/models</c> (TGI serves one).</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The models.</returns>
    /// <exception cref="TgiException">The request failed.</exception>
    public virtual Task<TgiResult<IReadOnlyList<TgiModelInfo>>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Get, _kiota.V1Models, null, IntrospectionWire.ReadModels, cancellationToken);

    /// <summary>Tokenizes a prompt with <c>POST /tokenize</c> (special tokens added; <c>truncate</c> applies).</summary>
    /// <param name="inputs">The text.</param>
    /// <param name="options">Options; only <see cref="GenerateOptions.Truncate"/> is sent (the only one TGI reads here).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The tokens with their byte offsets.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="TgiException">TGI answered with an error (422 <c>validation</c>), or the request failed.</exception>
    public virtual Task<TgiResult<IReadOnlyList<TokenizedToken>>> TokenizeAsync(string inputs, GenerateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);

        // TGI: /tokenize reads only inputs and parameters.truncate (API.md §1), so only those are sent.
        Tgi.Generated.Models.GenerateRequest request = new()
        {
            Inputs = inputs,
            Parameters = options?.Truncate is { } truncate ? new Tgi.Generated.Models.GenerateParameters { Truncate = truncate } : null,
        };
        return SendJsonAsync(HttpMethod.Post, _kiota.Tokenize, KiotaBridge.Serialize(request), IntrospectionWire.ReadTokens, cancellationToken);
    }

    /// <summary>Applies the chat template and tokenizes the result with <c>POST /chat_tokenize</c>.</summary>
    /// <param name="messages">The conversation.</param>
    /// <param name="options">The chat options (tools and tool prompt change the template).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The templated text and its tokens.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> is null.</exception>
    /// <exception cref="TgiException">TGI answered with an error (422 <c>template_error</c>), or the request failed.</exception>
    public virtual Task<TgiResult<ChatTokenizeResult>> ChatTokenizeAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default)
    {
        Tgi.Generated.Models.ChatRequest request = CreateChatRequest(messages, options, stream: false);
        return SendJsonAsync(HttpMethod.Post, _kiota.ChatTokenize, KiotaBridge.Serialize(request), IntrospectionWire.ReadChatTokenize, cancellationToken);
    }

    /// <summary>Reads the server's Prometheus metrics with <c>GET /metrics</c>, parsed into samples.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The samples, in the server's order.</returns>
    /// <exception cref="TgiException">The request failed, or the text is not in the Prometheus format.</exception>
    public virtual async Task<TgiResult<IReadOnlyList<TgiMetric>>> GetMetricsAsync(CancellationToken cancellationToken = default)
    {
        // The generated builder gives the route; the body is Prometheus text, which the facade parses into samples.
        (HttpResponseMessage response, ResponseBody body) = await SendBufferedAsync(HttpMethod.Get, _kiota.Metrics, null, acceptStatus: 0, cancellationToken).ConfigureAwait(false);
        using HttpResponseMessage owned = response;
        TgiRawResponse raw = TgiRawResponse.From(response);

        // TGI: Prometheus text is UTF-8 (text/plain; version=0.0.4), whatever charset the header names; the body was
        // read with a bound (MaxResponseSize).
        string text;
        using (body)
        {
            text = System.Text.Encoding.UTF8.GetString(body.Span);
        }

        IReadOnlyList<TgiMetric> metrics = [];
        try
        {
            metrics = IntrospectionWire.ParseMetrics(text);
        }
        catch (FormatException e)
        {
            ThrowHelper.ThrowMalformedResponse(raw.Status, Redactor.Redact(text), e);
        }

        return new TgiResult<IReadOnlyList<TgiMetric>>(metrics, raw);
    }
}
