// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;
using Tgi.Generated;

namespace Tgi.Sdk.Internal;

/// <summary>
/// The facade's link to the generated Kiota client (<see cref="TgiRawClient"/>): the generated request builders
/// build the request (route and body), and the generated models parse the response; the facade sends it through its
/// own pipeline (timeouts, typed errors, raw response) and maps the models to its public types. No Kiota type
/// is exposed publicly.
/// </summary>
/// <remarks>
/// Used where the generated models can hold every wire version: <c>/info</c>, <c>/v1/models</c>, <c>/tokenize</c>,
/// <c>/chat_tokenize</c> (response). Not used for <c>/generate</c>, <c>/v1/chat/completions</c> and
/// <c>/v1/completions</c>, whose generated models lose data: <c>finish_reason</c> is a closed Kiota enum (unknown or
/// version-specific values such as chat's <c>eos_token</c> read as null), <c>ToolCall.id</c> and
/// <c>FunctionCall.arguments</c> are strings (TGI ≤2.0.3 sends an integer id and 2.0.4–3.1 an object, which read as
/// null), 1.4's <c>parameters</c> alias has no property, and <c>top_tokens</c> is an untyped node. Their requests
/// are written by hand so the streaming and non-streaming bodies are the same and carry exactly what the caller set.
/// </remarks>
internal sealed class KiotaBridge
{
    /// <summary>Initializes a new instance over the facade's HTTP client (never Kiota's default one, which retries).</summary>
    /// <param name="httpClient">The HTTP client.</param>
    /// <param name="endpoint">The base address.</param>
    public KiotaBridge(HttpClient httpClient, Uri endpoint)
    {
        HttpClientRequestAdapter adapter = new(new AnonymousAuthenticationProvider(), httpClient: httpClient)
        {
            BaseUrl = endpoint.AbsoluteUri.TrimEnd('/'),
        };
        Raw = new TgiRawClient(adapter);
    }

    /// <summary>Gets the generated client (request builders only; it never sends).</summary>
    public TgiRawClient Raw { get; }

    /// <summary>Reads the body Kiota serialized into a request.</summary>
    public static byte[]? ReadBody(RequestInformation request)
    {
        if (request.Content is null)
        {
            return null;
        }

        using MemoryStream buffer = new();
        request.Content.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Parses a generated model from a JSON element.</summary>
    public static T Parse<T>(JsonElement element, ParsableFactory<T> factory)
        where T : IParsable =>
        new JsonParseNode(element).GetObjectValue(factory) ?? throw new JsonException("Empty response body.");

    /// <summary>Parses a collection of generated models from a JSON array.</summary>
    public static IEnumerable<T> ParseCollection<T>(JsonElement element, ParsableFactory<T> factory)
        where T : IParsable
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("Expected a JSON array.");
        }

        return new JsonParseNode(element).GetCollectionOfObjectValues(factory);
    }
}
