// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json.Serialization.Metadata;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;

namespace Tgi.Sdk;

/// <content>Typed structured output: generation constrained by a type's JSON Schema, and the answer read into that type.</content>
public partial class TgiClient
{
    /// <summary>
    /// Completes a chat whose answer is constrained to the JSON Schema of <typeparamref name="T"/>
    /// (<c>response_format: {"type":"json","value":schema}</c>), and reads the answer into <typeparamref name="T"/>.
    /// </summary>
    /// <typeparam name="T">The answer type: an object type (TGI needs a schema with top-level <c>properties</c>).</typeparam>
    /// <param name="messages">The conversation.</param>
    /// <param name="typeInfo">The answer type's contract, for example <c>MyJsonContext.Default.Weather</c> (source-generated for Native AOT).</param>
    /// <param name="options">The request options. If <see cref="ChatCompletionOptions.ResponseFormat"/> is set it is used as is (for example a hand-tuned or <c>json_schema</c> grammar); otherwise the schema of <typeparamref name="T"/> is. The caller's options are not changed.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The answer and the raw response.</returns>
    /// <remarks>
    /// TGI returns the constrained answer as text. The <c>json</c> grammar type is used because every TGI
    /// version with grammar support understands it. Leave room in <c>max_tokens</c>: a cut answer is broken JSON.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> or <paramref name="typeInfo"/> is null.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an object type.</exception>
    /// <exception cref="TgiException">
    /// TGI answered with an error, or the answer does not parse or fit <typeparamref name="T"/>: then
    /// <see cref="TgiException.ErrorType"/> is <see cref="TgiErrorType.InvalidOutput"/> and
    /// <see cref="TgiException.RawResponseBody"/> holds the raw answer.
    /// </exception>
    public virtual async Task<TgiResult<T>> ChatAsync<T>(IEnumerable<ChatMessage> messages, JsonTypeInfo<T> typeInfo, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(typeInfo);
        ChatCompletionOptions request = options?.Clone() ?? new ChatCompletionOptions();
        request.ResponseFormat ??= TgiGrammar.Json(typeInfo);
        TgiResult<ChatCompletion> result = await ChatAsync(messages, request, cancellationToken).ConfigureAwait(false);
        ChatCompletion completion = result.Value;
        T value = StructuredOutput.Deserialize(completion.Content, typeInfo, "The model's answer", completion.FinishReason);
        return new TgiResult<T>(value, result.GetRawResponse());
    }

    /// <summary>
    /// Generates text constrained to the JSON Schema of <typeparamref name="T"/> with <c>POST /generate</c>
    /// (<c>parameters.grammar: {"type":"json","value":schema}</c>), and reads it into <typeparamref name="T"/>.
    /// </summary>
    /// <typeparam name="T">The output type: an object type (TGI needs a schema with top-level <c>properties</c>).</typeparam>
    /// <param name="inputs">The prompt.</param>
    /// <param name="typeInfo">The output type's contract (source-generated for Native AOT).</param>
    /// <param name="options">The generation parameters. If <see cref="GenerateOptions.Grammar"/> is set it is used as is; otherwise the schema of <typeparamref name="T"/> is. Leave <see cref="GenerateOptions.ReturnFullText"/> unset: a prepended prompt does not parse. The caller's options are not changed.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The output and the raw response (with TGI's timing headers).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or <paramref name="typeInfo"/> is null.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an object type.</exception>
    /// <exception cref="TgiException">
    /// TGI answered with an error, or the output does not parse or fit <typeparamref name="T"/>: then
    /// <see cref="TgiException.ErrorType"/> is <see cref="TgiErrorType.InvalidOutput"/> and
    /// <see cref="TgiException.RawResponseBody"/> holds the raw text.
    /// </exception>
    public virtual async Task<TgiResult<T>> GenerateAsync<T>(string inputs, JsonTypeInfo<T> typeInfo, GenerateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(typeInfo);
        GenerateOptions request = options?.Clone() ?? new GenerateOptions();
        request.Grammar ??= TgiGrammar.Json(typeInfo);
        TgiResult<GenerateResponse> result = await GenerateAsync(inputs, request, cancellationToken).ConfigureAwait(false);
        GenerateResponse response = result.Value;
        T value = StructuredOutput.Deserialize(response.GeneratedText, typeInfo, "The generated text", response.Details?.FinishReason);
        return new TgiResult<T>(value, result.GetRawResponse());
    }
}
