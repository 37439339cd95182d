// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;

namespace Tgi.Sdk.Tests.Hardening;

/// <summary>Calls each non-streaming route by name, for tests that must hold on every route.</summary>
internal static class Routes
{
    public static Task Call(TgiClient client, string route) =>
        route switch
        {
            "generate" => client.GenerateAsync("Hi"),
            "compat" => client.GenerateCompatAsync("Hi"),
            "chat" => client.ChatAsync([ChatMessage.CreateUser("Hi")]),
            "completions" => client.CompletionsAsync("Hi"),
            "info" => client.GetInfoAsync(),
            "models" => client.ListModelsAsync(),
            "tokenize" => client.TokenizeAsync("Hi"),
            "chat_tokenize" => client.ChatTokenizeAsync([ChatMessage.CreateUser("Hi")]),
            "metrics" => client.GetMetricsAsync(),
            "health" => client.GetHealthAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
        };
}
