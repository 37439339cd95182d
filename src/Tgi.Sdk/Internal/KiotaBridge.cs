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

namespace Tgi.Sdk.Internal;

/// <summary>
/// The facade's link to the generated Kiota client (<see cref="TgiRawClient"/>): the generated request builders
/// and models build every request (route and body), and the generated models parse every non-streaming JSON
/// response; the facade sends the request through its own pipeline (timeouts, typed errors, raw response) and maps
/// the models to its public types. No Kiota type is exposed publicly.
/// </summary>
/// <remarks>
/// The description (<c>openapi/tgi.json</c>) is written so the models hold every wire version: finish reasons are
/// strings, seeds are decimals (TGI's u64), tool-call ids and arguments are untyped (integer or string, object or
/// string). Streams are the facade's: Kiota generates nothing for <c>text/event-stream</c>.
/// </remarks>
internal sealed class KiotaBridge
{
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
        Raw = new TgiRawClient(adapter);
    }

    /// <summary>Gets the generated client (request builders only; it never sends).</summary>
    public TgiRawClient Raw { get; }

    /// <summary>Reads the body Kiota serialized into a request.</summary>
    /// <remarks>
    /// Takes the content: Kiota's writer hands back a pooled (recyclable) stream whose 128 KiB block goes back to
    /// the pool only when the stream is disposed, so it is disposed here, once the bytes are copied.
    /// </remarks>
    public static byte[]? ReadBody(RequestInformation request)
    {
        if (request.Content is not { } content)
        {
            return null;
        }

        using (content)
        {
            if (content is MemoryStream memory && memory.TryGetBuffer(out ArraySegment<byte> written))
            {
                return written.AsSpan((int)memory.Position).ToArray();
            }

            using MemoryStream buffer = new(content.CanSeek ? (int)(content.Length - content.Position) : 256);
            content.CopyTo(buffer);
            return buffer.ToArray();
        }
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
