// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Text;

namespace Tgi.Sdk.Tests.Infrastructure;

/// <summary>A fake transport: records each request (method, path, headers, body) and replays a canned response.</summary>
internal sealed class ReplayHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _respond;

    public ReplayHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) => _respond = respond;

    public List<RecordedRequest> Requests { get; } = [];

    public static ReplayHandler Json(string json, HttpStatusCode status = HttpStatusCode.OK, params (string Name, string Value)[] headers) =>
        new(_ => Response(status, json, "application/json", headers));

    public static ReplayHandler Text(HttpStatusCode status, string text, string contentType = "text/plain") =>
        new(_ => Response(status, text, contentType));

    public static ReplayHandler Sse(string payload, int chunkSize = int.MaxValue) =>
        new(_ =>
        {
            HttpResponseMessage response = new(HttpStatusCode.OK)
            {
                Content = new StreamContent(new TrickleStream(Encoding.UTF8.GetBytes(payload), chunkSize)),
            };
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "text/event-stream");
            return response;
        });

    public static HttpResponseMessage Response(HttpStatusCode status, string body, string contentType, params (string Name, string Value)[] headers)
    {
        HttpResponseMessage response = new(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (body.Length > 0)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        foreach ((string name, string value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public TgiClient CreateClient(TgiClientOptions? options = null)
    {
        options ??= new TgiClientOptions();
        options.Endpoint ??= new Uri("http://127.0.0.1:9/");
        return new TgiClient(new HttpClient(this), options);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        Requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!.AbsolutePath, headers, body));
        return _respond(request);
    }
}
