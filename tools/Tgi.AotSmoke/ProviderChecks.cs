// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Tgi.Sdk;
using Tgi.Sdk.Providers;
using Tgi.Sdk.Testing;
using TgiChat = Tgi.Sdk.Chat;

namespace Tgi.AotSmoke;

/// <summary>
/// The DI, provider and IChatClient path, natively: configuration bound by the source generator, validation at
/// start, Polly failover past a dead replica, provider calls, and Microsoft.Extensions.AI over the DI client.
/// </summary>
internal static class ProviderChecks
{
    public static async Task RunAsync(SmokeChecks checks)
    {
        await using TgiEmulator tgi = await TgiEmulator.StartAsync(new TgiEmulatorOptions
        {
            ModelId = "aot/provider-model",
            Generator = TgiGenerator.Create(request =>
                request.ToolGrammar.Count > 0 && !request.Messages.Any(m => m.Role == "tool")
                    ? new TgiGeneration(TgiGenerator.Tokenize("""{"function": {"_name": "get_weather", "city": "Paris"}}"""))
                    : request.ToolGrammar.Count > 0
                        ? new TgiGeneration(TgiGenerator.Tokenize("""{"function": {"_name": "no_tool", "content": "done"}}"""))
                        : new TgiGeneration(TgiGenerator.Tokenize("Providers work natively."))),
        });

        // A replica that refuses connections, tried first: failover must reach the live one.
        TgiEmulator dead = await TgiEmulator.StartAsync();
        Uri deadAddress = dead.BaseAddress;
        await dead.DisposeAsync();

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tgi:Providers:0:Name"] = "aot",
            ["Tgi:Providers:0:Endpoints:0:Url"] = deadAddress.AbsoluteUri,
            ["Tgi:Providers:0:Endpoints:0:Priority"] = "0",
            ["Tgi:Providers:0:Endpoints:1:Url"] = tgi.BaseAddress.AbsoluteUri,
            ["Tgi:Providers:0:Endpoints:1:Priority"] = "1",
            ["Tgi:Providers:0:timeout"] = "30",
            ["Tgi:Providers:0:first_token_timeout"] = "00:00:20",
            ["Tgi:Providers:0:options:supports_json_mode"] = "false",
            ["Tgi:Providers:0:Headers:X-Smoke"] = "aot",
            ["Tgi:Providers:0:Resilience:MaxRetries"] = "0",
        }).Build();
        ServiceCollection services = new();
        services.AddTgiProvider(configuration.GetSection("Tgi:Providers:0"));
        services.AddHealthChecks().AddTgi("aot");
        services.AddTgiClient(tgi.BaseAddress);
        await using ServiceProvider container = services.BuildServiceProvider();
        container.GetRequiredService<IStartupValidator>().Validate();

        TgiProviderOptions options = container.GetRequiredService<IOptionsMonitor<TgiProviderOptions>>().Get("aot");
        checks.Equal("provider config bound (snake_case timeout)", TimeSpan.FromSeconds(30), options.RequestTimeout);
        checks.Equal("provider config bound (first_token_timeout)", TimeSpan.FromSeconds(20), options.FirstTokenTimeout);
        checks.Equal("provider config bound (options:supports_json_mode)", false, options.SupportsJsonMode);
        try
        {
            TgiProviderOptions.FromConfiguration(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Tgi:Timout"] = "30" }).Build().GetSection("Tgi"));
            checks.True("provider config unknown key rejected", false);
        }
        catch (OptionsValidationException e)
        {
            checks.Equal("provider config unknown key rejected", "Tgi:Timout is not a known setting. Did you mean 'Timeout'?", e.Failures.Single());
        }

        TgiProvider provider = container.GetRequiredKeyedService<TgiProvider>("aot");
        TgiProviderResponse generated = await provider.CompleteAsync(new TgiRequest { Prompt = "Hello", Model = "aot/provider-model" });
        checks.Equal("provider prompt -> /generate", "/generate", generated.Route.Path);
        checks.Equal("provider failover past dead replica", tgi.BaseAddress, generated.Endpoint);
        checks.Equal("provider text", "Providers work natively.", generated.Text);
        checks.True("provider usage", generated.Usage.CompletionTokens > 0);

        TgiProviderResponse chat = await provider.CompleteAsync(new TgiRequest { Messages = { TgiChat.ChatMessage.CreateUser("Hi") } });
        checks.Equal("provider messages -> chat", TgiApi.ChatCompletions, chat.Route.Api);

        StringBuilder streamed = new();
        await foreach (TgiProviderUpdate update in provider.StreamAsync(new TgiRequest { Messages = { TgiChat.ChatMessage.CreateUser("Hi") } }))
        {
            streamed.Append(update.TextDelta);
        }

        checks.Equal("provider stream", "Providers work natively.", streamed.ToString());
        checks.True("provider count tokens", await provider.CountTokensAsync("Hello world") > 0);
        TgiProviderHealth health = await provider.HealthCheckAsync();
        checks.Equal("provider health (one dead replica)", "False,True", string.Join(",", health.Endpoints.Select(e => e.IsHealthy)));
        HealthReport report = await container.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        checks.Equal("provider health check (one dead replica)", HealthStatus.Degraded, report.Entries["tgi:aot"].Status);

        // Microsoft.Extensions.AI over the provider (failover included) and over the DI-registered client.
        ChatResponse viaProvider = await provider.AsIChatClient("aot/provider-model").GetResponseAsync("Hi");
        checks.Equal("provider IChatClient text", "Providers work natively.", viaProvider.Text);

        IChatClient chatClient = container.GetRequiredService<TgiClient>().AsIChatClient();
        ChatResponse response = await chatClient.GetResponseAsync("Hi");
        checks.Equal("IChatClient text", "Providers work natively.", response.Text);
        checks.Equal("IChatClient finish reason", ChatFinishReason.Stop, response.FinishReason);
        checks.True("IChatClient usage", response.Usage?.OutputTokenCount > 0);

        StringBuilder chatStreamed = new();
        await foreach (ChatResponseUpdate update in chatClient.GetStreamingResponseAsync("Hi"))
        {
            chatStreamed.Append(update.Text);
        }

        checks.Equal("IChatClient stream", "Providers work natively.", chatStreamed.ToString());

        // A tool round trip by hand (no reflection-based AIFunctionFactory in an AOT app).
        ChatOptions toolOptions = new() { Tools = [new WeatherDeclaration()] };
        List<ChatMessage> conversation = [new(ChatRole.User, "Weather in Paris?")];
        ChatResponse call = await chatClient.GetResponseAsync(conversation, toolOptions);
        FunctionCallContent? functionCall = call.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().FirstOrDefault();
        checks.Equal("IChatClient tool call", "Paris", functionCall?.Arguments?["city"] is JsonElement city ? city.GetString() : null);
        conversation.AddRange(call.Messages);
        conversation.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(functionCall?.CallId ?? "0", "sunny")]));
        ChatResponse answer = await chatClient.GetResponseAsync(conversation, toolOptions);
        checks.Equal("IChatClient tool round 2", "Providers work natively.", answer.Text);
    }

    /// <summary>A function declaration with a fixed schema.</summary>
    private sealed class WeatherDeclaration : AIFunctionDeclaration
    {
        private static readonly JsonElement s_schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""").RootElement;

        public override string Name => "get_weather";

        public override string Description => "Gets the weather for a city.";

        public override JsonElement JsonSchema => s_schema;
    }
}
