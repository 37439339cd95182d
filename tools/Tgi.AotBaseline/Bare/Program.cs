// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using Tgi.AotBaseline.Bare;

// The six calls, by hand: what an app without Tgi.Sdk would write. Argument: the server base address.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Tgi.AotBaseline.Bare <base address>");
    return 2;
}

using var http = new HttpClient { BaseAddress = new Uri(args[0]) };
int tokens = 0;

using (HttpResponseMessage r = await http.PostAsync("generate", Json("""{"inputs":"Hello","parameters":{"max_new_tokens":32}}""")))
{
    r.EnsureSuccessStatusCode();
    GenerateReply reply = await JsonSerializer.DeserializeAsync(await r.Content.ReadAsStreamAsync(), BareJsonContext.Default.GenerateReply)
        ?? throw new InvalidDataException("empty /generate");
    tokens += reply.GeneratedText.Length > 0 ? 1 : 0;
}

tokens += await StreamAsync(http, "generate_stream", """{"inputs":"Hello","parameters":{"max_new_tokens":32}}""", chat: false);

using (HttpResponseMessage r = await http.PostAsync("v1/chat/completions", Json("""{"messages":[{"role":"user","content":"Hello"}],"max_tokens":32}""")))
{
    r.EnsureSuccessStatusCode();
    ChatReply reply = await JsonSerializer.DeserializeAsync(await r.Content.ReadAsStreamAsync(), BareJsonContext.Default.ChatReply)
        ?? throw new InvalidDataException("empty chat");
    tokens += reply.Choices[0].Message?.Content?.Length > 0 ? 1 : 0;
}

tokens += await StreamAsync(http, "v1/chat/completions", """{"messages":[{"role":"user","content":"Hello"}],"max_tokens":32,"stream":true}""", chat: true);

InfoReply info = await http.GetFromJsonAsync("info", BareJsonContext.Default.InfoReply) ?? throw new InvalidDataException("empty /info");
using (HttpResponseMessage health = await http.GetAsync("health"))
{
    health.EnsureSuccessStatusCode();
}

Console.WriteLine($"{info.ModelId}: {tokens} tokens");
return tokens > 2 ? 0 : 1;

static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

static async Task<int> StreamAsync(HttpClient http, string path, string body, bool chat)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
    using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    response.EnsureSuccessStatusCode();
    using Stream stream = await response.Content.ReadAsStreamAsync();
    int count = 0;
    await foreach (SseItem<string> item in SseParser.Create(stream).EnumerateAsync())
    {
        if (chat)
        {
            if (item.Data == "[DONE]")
            {
                break;
            }

            ChatReply? chunk = JsonSerializer.Deserialize(item.Data, BareJsonContext.Default.ChatReply);
            count += chunk?.Choices is [{ Delta.Content: { Length: > 0 } }, ..] ? 1 : 0;
        }
        else
        {
            StreamEvent? ev = JsonSerializer.Deserialize(item.Data, BareJsonContext.Default.StreamEvent);
            count += ev is { Token.Special: false } ? 1 : 0;
        }
    }

    return count;
}
