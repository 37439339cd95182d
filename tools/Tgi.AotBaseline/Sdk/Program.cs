// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Introspection;

// The same six calls as ../Bare, through TgiClient. Argument: the server base address.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Tgi.AotBaseline.Sdk <base address>");
    return 2;
}

var client = new TgiClient(new Uri(args[0]));
var generateOptions = new GenerateOptions { MaxNewTokens = 32 };
var chatOptions = new ChatCompletionOptions { MaxTokens = 32 };
ChatMessage[] messages = [ChatMessage.CreateUser("Hello")];
int tokens = 0;

TgiResult<GenerateResponse> generated = await client.GenerateAsync("Hello", generateOptions);
tokens += generated.Value.GeneratedText.Length > 0 ? 1 : 0;

await foreach (GenerateStreamUpdate update in client.GenerateStreamingAsync("Hello", generateOptions))
{
    tokens += update.Token.IsSpecial ? 0 : 1;
}

TgiResult<ChatCompletion> chat = await client.ChatAsync(messages, chatOptions);
tokens += chat.Value.Content?.Length > 0 ? 1 : 0;

await foreach (ChatCompletionUpdate update in client.ChatStreamingAsync(messages, chatOptions))
{
    tokens += update.ContentDelta is { Length: > 0 } ? 1 : 0;
}

TgiResult<TgiInfo> info = await client.GetInfoAsync();
TgiResult<TgiHealthStatus> health = await client.GetHealthAsync();

Console.WriteLine($"{info.Value.ModelId}: {tokens} tokens, {health.Value}");
return tokens > 2 && health.Value == TgiHealthStatus.Healthy ? 0 : 1;
