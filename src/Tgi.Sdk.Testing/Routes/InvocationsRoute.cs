// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tgi.Sdk.Testing;

/// <summary>
/// POST <c>/invocations</c> (SageMaker): an untagged union tried in order: <c>inputs</c> → POST /,
/// <c>messages</c> → chat, <c>prompt</c> → completions.
/// </summary>
internal sealed class InvocationsRoute(GenerateRoute generate, ChatCompletionsRoute chat, CompletionsRoute completions)
{
    public async Task HandleAsync(HttpContext context)
    {
        using JsonDocument? document = await JsonBodyReader.ReadAsync(context).ConfigureAwait(false);
        if (document is null)
        {
            return;
        }

        JsonElement root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("inputs", out _))
        {
            await generate.HandleParsedAsync(context, root, GenerateMode.Compat).ConfigureAwait(false);
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("messages", out _))
        {
            await chat.HandleParsedAsync(context, root).ConfigureAwait(false);
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("prompt", out _))
        {
            await completions.HandleParsedAsync(context, root).ConfigureAwait(false);
        }
        else
        {
            await JsonBodyReader.WriteBindErrorAsync(context, new BindException(JsonPath.Root, "data did not match any variant of untagged enum SagemakerRequest")).ConfigureAwait(false);
        }
    }
}
