// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Generate;
using Tgi.Sdk.Internal;
using Tgi.Sdk.Streaming;
using Tgi.Sdk.Telemetry;

namespace Tgi.Sdk;

/// <content>The native API: <c>/generate</c>, <c>/generate_stream</c> and the compat route <c>POST /</c>.</content>
public partial class TgiClient
{
    /// <summary>Generates text with <c>POST /generate</c>.</summary>
    /// <param name="inputs">The prompt (images may be embedded as markdown <c>![](url)</c>).</param>
    /// <param name="options">The generation parameters; only those set are sent.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The generated text, details when requested, and the raw response with TGI's timing headers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="TgiException">TGI answered with an error, or the request failed or timed out.</exception>
    public virtual Task<TgiResult<GenerateResponse>> GenerateAsync(string inputs, GenerateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return SendJsonAsync(_kiota.Generate, KiotaBridge.Serialize(GenerateWire.CreateRequest(inputs, options)), GenerateWire.ReadResponse, TgiOperation.TextCompletion, null, options, OperationDescriptions.Request, OperationDescriptions.Result, cancellationToken);
    }

    /// <summary>Streams generated tokens with <c>POST /generate_stream</c>.</summary>
    /// <param name="inputs">The prompt.</param>
    /// <param name="options">The generation parameters (TGI rejects <c>best_of</c> &gt; 1 and <c>decoder_input_details</c> when streaming).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A lazy stream of token events; the request is sent when enumeration starts.</returns>
    /// <remarks>
    /// The last event carries <see cref="GenerateStreamUpdate.GeneratedText"/> and, with <c>details</c>, the
    /// <see cref="GenerateStreamUpdate.Details"/>; the stream ends after it. TGI never sends <c>[DONE]</c> on this
    /// route and reports errors as an event in an HTTP 200 stream; both become a <see cref="TgiException"/>, as does a
    /// stream that ends before the last event. The parameters are captured when this method is called.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    public virtual TgiStreamingResult<GenerateStreamUpdate> GenerateStreamingAsync(string inputs, GenerateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return CreateStream(_kiota.GenerateStream, KiotaBridge.Serialize(GenerateWire.CreateRequest(inputs, options)), static () => new GenerateStreamHandler(), GenerateTelemetry<GenerateStreamUpdate>(options, OperationDescriptions.Update), cancellationToken);
    }

    /// <summary>
    /// Streams generated tokens with <c>POST /generate_stream</c> in raw mode: each token's text is exposed as UTF-8
    /// memory that is valid until the next <c>MoveNextAsync</c>, and a token allocates nothing.
    /// </summary>
    /// <param name="inputs">The prompt.</param>
    /// <param name="options">The generation parameters.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A lazy stream of raw token events.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    public virtual TgiStreamingResult<GenerateStreamRawUpdate> GenerateStreamingRawAsync(string inputs, GenerateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return CreateStream(_kiota.GenerateStream, KiotaBridge.Serialize(GenerateWire.CreateRequest(inputs, options)), static () => new GenerateStreamRawHandler(), GenerateTelemetry<GenerateStreamRawUpdate>(options, OperationDescriptions.Update), cancellationToken);
    }

    /// <summary>Generates text with the compat route <c>POST /</c> (<c>stream: false</c>).</summary>
    /// <param name="inputs">The prompt.</param>
    /// <param name="options">The generation parameters.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The result (TGI wraps it in a one-element array, which this method unwraps).</returns>
    /// <remarks>TGI: on this route an unset <c>return_full_text</c> means true for text-generation models.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="TgiException">TGI answered with an error, or the request failed or timed out.</exception>
    public virtual Task<TgiResult<GenerateResponse>> GenerateCompatAsync(string inputs, GenerateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return SendJsonAsync(_kiota.Compat, KiotaBridge.Serialize(GenerateWire.CreateCompatRequest(inputs, options, stream: false)), GenerateWire.ReadCompatResponse, TgiOperation.TextCompletion, null, options, OperationDescriptions.Request, OperationDescriptions.Result, cancellationToken);
    }

    /// <summary>Streams generated tokens with the compat route <c>POST /</c> (<c>stream: true</c>); same events as <see cref="GenerateStreamingAsync"/>.</summary>
    /// <param name="inputs">The prompt.</param>
    /// <param name="options">The generation parameters.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A lazy stream of token events.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    public virtual TgiStreamingResult<GenerateStreamUpdate> GenerateCompatStreamingAsync(string inputs, GenerateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return CreateStream(_kiota.Compat, KiotaBridge.Serialize(GenerateWire.CreateCompatRequest(inputs, options, stream: true)), static () => new GenerateStreamHandler(), GenerateTelemetry<GenerateStreamUpdate>(options, OperationDescriptions.Update), cancellationToken);
    }

    private StreamTelemetry<T>? GenerateTelemetry<T>(GenerateOptions? options, StreamObserver<T> observe) =>
        StreamTelemetry<T, GenerateOptions?>(TgiOperation.TextCompletion, null, options, OperationDescriptions.Request, observe);
}
