// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;

namespace Tgi.Sdk.Benchmarks.Infrastructure;

/// <summary>The hand-written requests of the rows that do not use an SDK (the limits, the records and Kiota peers).</summary>
internal static class RawRequests
{
    public const string GeneratePath = "generate_stream";
    public const string ChatPath = "v1/chat/completions";

    /// <summary>What Tgi.Sdk sends for the generate stream rows (max_new_tokens and details), written by hand.</summary>
    public const string GenerateBody = """{"inputs":"Hi","parameters":{"max_new_tokens":10000,"details":true}}""";

    /// <summary>What Tgi.Sdk sends for the chat stream rows (max_tokens, usage requested), written by hand.</summary>
    public const string ChatBody = """{"messages":[{"role":"user","content":"Hi"}],"max_tokens":10000,"stream":true,"stream_options":{"include_usage":true}}""";

    /// <summary>POSTs a JSON body with ResponseHeadersRead; the caller disposes the response, which ends the stream.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw new HttpRequestException($"POST {path} answered {(int)response.StatusCode}.");
        }

        return response;
    }
}
