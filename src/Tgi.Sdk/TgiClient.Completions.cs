// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Completions;
using Tgi.Sdk.Internal;
using Tgi.Sdk.Streaming;
using Tgi.Sdk.Telemetry;

namespace Tgi.Sdk;

/// <content>The OpenAI-compatible completions API: <c>POST /v1/completions</c>.</content>
public partial class TgiClient
{
    /// <summary>Completes one prompt with <c>POST /v1/completions</c>.</summary>
    /// <param name="prompt">The prompt.</param>
    /// <param name="options">The request options; only those set are sent.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The completion and the raw response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="prompt"/> is null.</exception>
    /// <exception cref="TgiException">TGI answered with an error, or the request failed.</exception>
    public virtual Task<TgiResult<Completion>> CompletionsAsync(string prompt, CompletionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return SendJsonAsync(_kiota.Completions, KiotaBridge.Serialize(CompletionWire.CreateRequest([prompt], batch: false, options, stream: false)), CompletionWire.Read, TgiOperation.TextCompletion, options?.Model, options, OperationDescriptions.Request, OperationDescriptions.Result, cancellationToken);
    }

    /// <summary>Completes a batch of prompts (at most the server's <c>max_client_batch_size</c>, 4 by default) in one request.</summary>
    /// <param name="prompts">The prompts; not empty.</param>
    /// <param name="options">The request options.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The completion, with one choice per prompt in prompt order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="prompts"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="prompts"/> is empty (TGI rejects an empty array).</exception>
    /// <exception cref="TgiException">TGI answered with an error (any failing prompt fails the request), or the request failed.</exception>
    public virtual Task<TgiResult<Completion>> CompletionsAsync(IEnumerable<string> prompts, CompletionOptions? options = null, CancellationToken cancellationToken = default)
    {
        string[] list = ToPromptArray(prompts);
        return SendJsonAsync(_kiota.Completions, KiotaBridge.Serialize(CompletionWire.CreateRequest(list, batch: true, options, stream: false)), CompletionWire.Read, TgiOperation.TextCompletion, options?.Model, options, OperationDescriptions.Request, OperationDescriptions.Result, cancellationToken);
    }

    /// <summary>Streams the completion of one prompt.</summary>
    /// <param name="prompt">The prompt.</param>
    /// <param name="options">The request options; captured when this method is called.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A lazy stream of chunks, ending at <c>[DONE]</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="prompt"/> is null.</exception>
    public virtual TgiStreamingResult<CompletionUpdate> CompletionsStreamingAsync(string prompt, CompletionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return CreateStream(_kiota.Completions, KiotaBridge.Serialize(CompletionWire.CreateRequest([prompt], batch: false, options, stream: true)), static () => new CompletionStreamHandler(1), CompletionTelemetry(options), cancellationToken);
    }

    /// <summary>Streams the completions of a batch of prompts; chunks of different prompts interleave, so use <see cref="CompletionUpdate.PromptIndex"/>.</summary>
    /// <param name="prompts">The prompts; not empty.</param>
    /// <param name="options">The request options; captured when this method is called.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A lazy stream of chunks, ending at <c>[DONE]</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="prompts"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="prompts"/> is empty.</exception>
    public virtual TgiStreamingResult<CompletionUpdate> CompletionsStreamingAsync(IEnumerable<string> prompts, CompletionOptions? options = null, CancellationToken cancellationToken = default)
    {
        string[] list = ToPromptArray(prompts);
        int count = list.Length;
        return CreateStream(_kiota.Completions, KiotaBridge.Serialize(CompletionWire.CreateRequest(list, batch: true, options, stream: true)), () => new CompletionStreamHandler(count), CompletionTelemetry(options), cancellationToken);
    }

    private StreamTelemetry<CompletionUpdate>? CompletionTelemetry(CompletionOptions? options) =>
        StreamTelemetry<CompletionUpdate, CompletionOptions?>(TgiOperation.TextCompletion, options?.Model, options, OperationDescriptions.Request, OperationDescriptions.Update);

    private static string[] ToPromptArray(IEnumerable<string> prompts)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        string[] list = [.. prompts];
        if (list.Length == 0)
        {
            // TGI: "Empty array detected. Do not use an empty array for the prompt." (API.md §2.2).
            throw new ArgumentException("At least one prompt is required.", nameof(prompts));
        }

        foreach (string prompt in list)
        {
            if (prompt is null)
            {
                throw new ArgumentException("The prompts must not contain null.", nameof(prompts));
            }
        }

        return list;
    }
}
