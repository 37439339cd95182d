// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Diagnostics;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Abstractions.Authentication;
using Tgi.AotSmoke;
using Tgi.Generated;
using Tgi.Sdk;
using Tgi.Sdk.Chat;
using Tgi.Sdk.Introspection;
using Tgi.Sdk.Generate;
using Tgi.Sdk.Testing;

// The AOT gate's app: compiled with Native AOT, it starts the TGI emulator on loopback in-process and drives the
// SDK (and the raw generated client) through every kind of call, checking each answer. Exit code = failed checks.
var stopwatch = Stopwatch.StartNew();
var checks = new SmokeChecks();

await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions
{
    ModelId = "aot/smoke-model",
    Generator = TgiGenerator.Scripted("Native", " AOT", " works", "."),
});
var client = new TgiClient(tgi.BaseAddress);

// Native API.
TgiResult<GenerateResponse> generated = await client.GenerateAsync("Hello", new GenerateOptions { MaxNewTokens = 10, Details = true });
checks.Equal("generate text", "Native AOT works.", generated.Value.GeneratedText);
checks.Equal("generate finish reason", FinishReason.EosToken, generated.Value.Details?.FinishReason);
checks.Equal("generate x-generated-tokens", 5, generated.GetRawResponse().GeneratedTokens);

var streamed = new System.Text.StringBuilder();
string? finalText = null;
await foreach (GenerateStreamUpdate update in client.GenerateStreamingAsync("Hello", new GenerateOptions { MaxNewTokens = 10 }))
{
    if (!update.Token.IsSpecial)
    {
        streamed.Append(update.Token.Text);
    }

    finalText ??= update.GeneratedText;
}

checks.Equal("generate stream tokens", "Native AOT works.", streamed.ToString());
checks.Equal("generate stream final text", "Native AOT works.", finalText);

// OpenAI-compatible API.
TgiResult<ChatCompletion> chat = await client.ChatAsync([ChatMessage.CreateUser("Say something")], new ChatCompletionOptions { MaxTokens = 10 });
checks.Equal("chat content", "Native AOT works.", chat.Value.Content);
checks.Equal("chat model echo", "aot/smoke-model", chat.Value.Model);

var chatStreamed = new System.Text.StringBuilder();
FinishReason? chatFinish = null;
await foreach (ChatCompletionUpdate update in client.ChatStreamingAsync([ChatMessage.CreateUser("Say something")]))
{
    chatStreamed.Append(update.ContentDelta);
    chatFinish ??= update.FinishReason;
}

checks.Equal("chat stream content", "Native AOT works.", chatStreamed.ToString());
checks.Equal("chat stream finish reason", FinishReason.Stop, chatFinish);

var completion = await client.CompletionsAsync(["one", "two"]);
checks.Equal("completions choices", 2, completion.Value.Choices.Count);

// Introspection.
var health = await client.GetHealthAsync();
checks.Equal("health", TgiHealthStatus.Healthy, health.Value);
var info = await client.GetInfoAsync();
checks.Equal("info model id", "aot/smoke-model", info.Value.ModelId);
var tokens = await client.TokenizeAsync("Hello world");
checks.True("tokenize", tokens.Value.Count > 0);

// One error case: TGI rejects top_p = 0 (API.md §2.3) with a 422 validation error.
try
{
    await client.GenerateAsync("Hello", new GenerateOptions { TopP = 0 });
    checks.True("422 raised", false);
}
catch (TgiException ex)
{
    checks.Equal("422 status", 422, ex.Status);
    checks.Equal("422 error type", TgiErrorType.Validation, ex.ErrorType);
}

// The raw Kiota client, built on the same loopback server.
using var httpClient = new HttpClient { BaseAddress = tgi.BaseAddress };
var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: httpClient)
{
    BaseUrl = tgi.BaseAddress.ToString().TrimEnd('/'),
};
var raw = new TgiRawClient(adapter);
var rawInfo = await raw.Info.GetAsync();
checks.Equal("raw client info", "aot/smoke-model", rawInfo?.ModelId);

// Tools, grammar and structured output: schemas exported from source-generated contracts, no reflection.
tgi.Options.Generator = TgiGenerator.Default;
ChatMessage[] weatherQuestion = [ChatMessage.CreateUser("What's the weather like in Paris?")];
var toolOptions = new ChatCompletionOptions { ToolChoice = ChatToolChoice.Required, MaxTokens = 200 };
toolOptions.Tools.Add(TgiTool.Create("get_current_weather", "Get the current weather", SmokeJsonContext.Default.SmokeWeatherArgs));
ChatCompletion toolTurn = (await client.ChatAsync(weatherQuestion, toolOptions)).Value;
checks.Equal("typed tool call name", "get_current_weather", toolTurn.ToolCalls.Count == 1 ? toolTurn.ToolCalls[0].FunctionName : null);
checks.Equal("typed tool call arguments", "Paris, France", toolTurn.ToolCalls.Count == 1 ? toolTurn.ToolCalls[0].GetArguments(SmokeJsonContext.Default.SmokeWeatherArgs).Location : null);

var toolStream = new ChatCompletionAccumulator();
await foreach (ChatCompletionUpdate update in client.ChatStreamingAsync(weatherQuestion, toolOptions))
{
    toolStream.Append(update);
}

ChatCompletion streamedToolTurn = toolStream.ToCompletion();
checks.Equal("streamed typed tool call", "Paris, France", streamedToolTurn.ToolCalls.Count == 1 ? streamedToolTurn.ToolCalls[0].GetArguments(SmokeJsonContext.Default.SmokeWeatherArgs).Location : null);

// A model that calls the tool, then (with the result in the conversation) picks TGI's no_tool and answers.
tgi.Options.Generator = TgiGenerator.Create(request =>
    !request.Messages.Any(m => m.Role == "tool") ? TgiGenerator.Default.Generate(request)
    : request.ToolGrammar.Count > 0 ? new TgiGeneration(TgiGenerator.Tokenize("{\"function\": {\"_name\": \"no_tool\", \"content\": \"Sunny.\"}}"))
    : new TgiGeneration(TgiGenerator.Tokenize("It is sunny in Paris.")));
var loopOptions = new ChatCompletionOptions { MaxTokens = 200 };
loopOptions.Tools.Add(TgiTool.Create("get_current_weather", "Get the current weather", SmokeJsonContext.Default.SmokeWeatherArgs, (args, _) => Task.FromResult("{\"city\":\"" + args.Location + "\",\"sky\":\"clear\"}")));
ChatToolLoopResult loop = await client.RunToolsAsync(weatherQuestion, loopOptions);
checks.Equal("tool loop answer", "It is sunny in Paris.", loop.Content);
checks.Equal("tool loop rounds", 2, loop.Rounds);
checks.Equal("tool loop transcript", 4, loop.Messages.Count);

var loopText = new System.Text.StringBuilder();
ChatToolLoopResult? streamedLoop = null;
int toolResults = 0;
await foreach (ChatToolLoopUpdate update in client.RunToolsStreamingAsync(weatherQuestion, loopOptions))
{
    loopText.Append(update.ContentDelta);
    toolResults += update.Kind == ChatToolLoopUpdateKind.ToolResult ? 1 : 0;
    streamedLoop ??= update.Result;
}

checks.Equal("streaming tool loop answer", "It is sunny in Paris.", loopText.ToString());
checks.Equal("streaming tool loop tool results", 1, toolResults);
checks.Equal("streaming tool loop outcome", ChatToolLoopStopReason.Answered, streamedLoop?.StopReason);

tgi.Options.Generator = TgiGenerator.Default;
TgiResult<SmokePerson> person = await client.ChatAsync([ChatMessage.CreateUser("Describe a person.")], SmokeJsonContext.Default.SmokePerson, new ChatCompletionOptions { MaxTokens = 200 });
checks.Equal("typed chat output", "Lovelace", person.Value.LastName);
TgiResult<SmokePerson> generatedPerson = await client.GenerateAsync("A person as JSON:", SmokeJsonContext.Default.SmokePerson, new GenerateOptions { MaxNewTokens = 200 });
checks.Equal("typed generate output", "Ada", generatedPerson.Value.FirstName);
try
{
    await client.ChatAsync([ChatMessage.CreateUser("Describe a person.")], SmokeJsonContext.Default.SmokePerson, new ChatCompletionOptions { MaxTokens = 4 });
    checks.True("cut typed output raised", false);
}
catch (TgiException ex)
{
    checks.Equal("cut typed output error type", TgiErrorType.InvalidOutput, ex.ErrorType);
    checks.True("cut typed output raw text", ex.RawResponseBody?.StartsWith('{') == true);
}

// OpenTelemetry's building blocks under AOT (tools/Tgi.AotSmoke/TelemetryChecks.cs).
tgi.Options.Generator = TgiGenerator.Scripted("Native", " AOT", " works", ".");
await TelemetryChecks.RunAsync(checks, client);

// The DI, provider and IChatClient path (tools/Tgi.AotSmoke/ProviderChecks.cs).
await ProviderChecks.RunAsync(checks);

Console.WriteLine($"AOT smoke: {checks.Passed} checks passed, {checks.Failed} failed in {stopwatch.ElapsedMilliseconds} ms (startup to here).");
return checks.Failed;
