// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Tgi.Sdk.Testing.Tests.Support;

/// <summary>Plain HttpClient calls against an emulator, returning status, content type and body text.</summary>
internal static class Http
{
    public static HttpClient Client(TgiEmulator emulator) => new() { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };

    public static async Task<Reply> PostJsonAsync(TgiEmulator emulator, string path, string json, string? apiKey = null)
    {
        using HttpClient client = Client(emulator);
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (path == "/")
        {
            request.RequestUri = new Uri(emulator.BaseAddress, "/");
        }

        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        using HttpResponseMessage response = await client.SendAsync(request);
        return await Reply.FromAsync(response);
    }

    public static async Task<Reply> SendAsync(TgiEmulator emulator, HttpRequestMessage request)
    {
        using HttpClient client = Client(emulator);
        using HttpResponseMessage response = await client.SendAsync(request);
        return await Reply.FromAsync(response);
    }

    public static async Task<Reply> GetAsync(TgiEmulator emulator, string path)
    {
        using HttpClient client = Client(emulator);
        using HttpResponseMessage response = await client.GetAsync(new Uri(emulator.BaseAddress, path));
        return await Reply.FromAsync(response);
    }

    /// <summary>The data payloads of an SSE body, in order (comments and blank frames dropped).</summary>
    public static List<string> DataFrames(string body)
    {
        var frames = new List<string>();
        foreach (string frame in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            if (frame.StartsWith("data: ", StringComparison.Ordinal))
            {
                frames.Add(frame["data: ".Length..]);
            }
            else if (frame.StartsWith("data:", StringComparison.Ordinal))
            {
                frames.Add(frame["data:".Length..]);
            }
        }

        return frames;
    }

    public static List<JsonElement> JsonFrames(string body) =>
        DataFrames(body).Where(f => f != "[DONE]").Select(f => JsonDocument.Parse(f).RootElement.Clone()).ToList();

    internal sealed record Reply(HttpStatusCode Status, string? ContentType, string Body, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

        public string? Header(string name) =>
            Headers.TryGetValues(name, out IEnumerable<string>? values) ? string.Join(",", values)
            : ContentHeaders.TryGetValues(name, out values) ? string.Join(",", values) : null;

        public static async Task<Reply> FromAsync(HttpResponseMessage response)
        {
            string body = await response.Content.ReadAsStringAsync();
            return new Reply(response.StatusCode, response.Content.Headers.ContentType?.ToString(), body, response.Headers, response.Content.Headers);
        }
    }
}
