// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;
using Tgi.Generated;
using Models = Tgi.Generated.Models;

namespace Tgi.Sdk.Internal;

/// <summary>
/// The facade's link to the generated Kiota client (<see cref="TgiRawClient"/>): the generated request builders give
/// every route, Kiota serializes every request body from the generated models, and the generated models parse every
/// non-streaming JSON response; the facade sends through its own pipeline (timeouts, typed errors, raw response,
/// telemetry) and maps the models to its public types. No Kiota type is exposed publicly.
/// </summary>
/// <remarks>
/// <para>The description (<c>openapi/tgi.json</c>) is written so the models hold every wire version: finish reasons
/// are strings, seeds are decimals (TGI's u64), tool-call ids and arguments are untyped (integer or string, object or
/// string). Streams are the facade's: Kiota generates nothing for <c>text/event-stream</c>.</para>
/// <para>Cost: a builder's <c>ToPostRequestInformation</c> expands its URI template and copies its path parameters on
/// every call (about 3 KB per request), so each route is expanded once per client, here, and a call only serializes
/// its model, which is what <c>ToPostRequestInformation</c> does with it.</para>
/// </remarks>
internal sealed class KiotaBridge
{
    private const string JsonContentType = "application/json";

    // Kiota's default writer escapes every non-ASCII character (and '+', '<', '>'): with the relaxed encoder a
    // prompt is sent as UTF-8, as compact as TGI's own clients send it. Still valid JSON for any reader.
    private static readonly JsonSerializationWriterFactory s_writerFactory = new(
        new KiotaJsonSerializationContext(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    /// <summary>Initializes a new instance over the facade's HTTP client (never Kiota's default one, which retries).</summary>
    /// <param name="httpClient">The HTTP client.</param>
    /// <param name="endpoint">The base address.</param>
    public KiotaBridge(HttpClient httpClient, Uri endpoint)
    {
        HttpClientRequestAdapter adapter = new(
            new AnonymousAuthenticationProvider(),
            parseNodeFactory: null,
            serializationWriterFactory: s_writerFactory,
            httpClient: httpClient)
        {
            BaseUrl = endpoint.AbsoluteUri.TrimEnd('/'),
        };
        TgiRawClient raw = new(adapter);
        Generate = RouteOf(raw.Generate.ToPostRequestInformation(new Models.GenerateRequest()));
        GenerateStream = RouteOf(raw.Generate_stream.ToPostRequestInformation(new Models.GenerateRequest()));
        ChatCompletions = RouteOf(raw.V1.Chat.Completions.ToPostRequestInformation(new Models.ChatRequest()));
        Completions = RouteOf(raw.V1.Completions.ToPostRequestInformation(new Models.CompletionRequest()));
        Tokenize = RouteOf(raw.Tokenize.ToPostRequestInformation(new Models.GenerateRequest()));
        ChatTokenize = RouteOf(raw.Chat_tokenize.ToPostRequestInformation(new Models.ChatRequest()));
        Info = RouteOf(raw.Info.ToGetRequestInformation());
        V1Models = RouteOf(raw.V1.Models.ToGetRequestInformation());
        Health = RouteOf(raw.Health.ToGetRequestInformation());
        Metrics = RouteOf(raw.Metrics.ToGetRequestInformation());

        // The generated root template is {+baseurl}, which drops the trailing slash of an endpoint with a path
        // (https://host/tgi/ → https://host/tgi); the compat route POST / is the endpoint itself, slash included.
        Compat = endpoint;
    }

    /// <summary>Gets <c>POST /generate</c>.</summary>
    public Uri Generate { get; }

    /// <summary>Gets <c>POST /generate_stream</c>.</summary>
    public Uri GenerateStream { get; }

    /// <summary>Gets the compat route <c>POST /</c>.</summary>
    public Uri Compat { get; }

    /// <summary>Gets <c>POST /v1/chat/completions</c>.</summary>
    public Uri ChatCompletions { get; }

    /// <summary>Gets <c>POST /v1/completions</c>.</summary>
    public Uri Completions { get; }

    /// <summary>Gets <c>POST /tokenize</c>.</summary>
    public Uri Tokenize { get; }

    /// <summary>Gets <c>POST /chat_tokenize</c>.</summary>
    public Uri ChatTokenize { get; }

    /// <summary>Gets <c>GET /info</c>.</summary>
    public Uri Info { get; }

    /// <summary>Gets <c>GET /v1/models</c>.</summary>
    public Uri V1Models { get; }

    /// <summary>Gets <c>GET /health</c>.</summary>
    public Uri Health { get; }

    /// <summary>Gets <c>GET /metrics</c>.</summary>
    public Uri Metrics { get; }

    /// <summary>Serializes a generated model as a JSON request body, with Kiota's JSON writer.</summary>
    /// <param name="body">The model.</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static byte[] Serialize<T>(T body)
        where T : IParsable
    {
        using ISerializationWriter writer = s_writerFactory.GetSerializationWriter(JsonContentType);
        writer.WriteObjectValue(null, body);

        // Kiota hands back a pooled (recyclable) stream: its 128 KiB block returns to the pool only when disposed.
        using Stream content = writer.GetSerializedContent();
        if (content is MemoryStream memory && memory.TryGetBuffer(out ArraySegment<byte> written))
        {
            return written.AsSpan((int)memory.Position).ToArray();
        }

        using MemoryStream copy = new();
        content.CopyTo(copy);
        return copy.ToArray();
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

    private static Uri RouteOf(RequestInformation request)
    {
        using (request.Content)
        {
            return request.URI;
        }
    }
}
