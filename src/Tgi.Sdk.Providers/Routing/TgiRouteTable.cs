// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Providers;

/// <summary>
/// The one rule that picks <c>/v1/chat/completions</c> or <c>/generate</c> for a provider-neutral request.
/// </summary>
/// <remarks>
/// <para>Each row names a request feature and the API that takes it. The rule:</para>
/// <list type="number">
/// <item>A request sets exactly one of a prompt or messages.</item>
/// <item>A feature only chat takes (messages, tools, tool choice, response_format) together with one only
/// <c>/generate</c> takes (details, top_n_tokens, best_of, decoder_input_details, return_full_text, watermark,
/// adapter_id, top_k, typical_p, do_sample, truncate) is an error: TGI has no route that takes both.</item>
/// <item>Any chat-only feature goes to chat; a prompt is then sent as one user message.</item>
/// <item>Otherwise a prompt goes to <c>/generate</c> (its grammar becomes <c>parameters.grammar</c>).</item>
/// <item>Streaming picks <c>/generate_stream</c> instead of <c>/generate</c>; chat streams on the same path.</item>
/// </list>
/// </remarks>
public static class TgiRouteTable
{
    /// <summary>Gets the rows, in the order they are reported.</summary>
    public static IReadOnlyList<TgiRouteRule> Rules { get; } =
    [
        // TGI: chat takes messages and applies the model's chat template (API.md §5).
        new("messages", TgiApi.ChatCompletions, "messages need the server's chat template", r => r.Messages.Count > 0),
        new("tools", TgiApi.ChatCompletions, "tools exist only on /v1/chat/completions", r => r.Tools.Count > 0),
        new("tool_choice", TgiApi.ChatCompletions, "tool_choice exists only on /v1/chat/completions", r => r.ToolChoice is not null),
        new("response_format", TgiApi.ChatCompletions, "response_format exists only on /v1/chat/completions", r => r.ResponseFormat is not null),

        // TGI: GenerateParameters fields that the chat request does not have (API.md §3, §5.1).
        new("details", TgiApi.Generate, "token details exist only on /generate", r => r.Details is not null),
        new("top_n_tokens", TgiApi.Generate, "top_n_tokens exists only on /generate", r => r.TopNTokens is not null),
        new("best_of", TgiApi.Generate, "best_of exists only on /generate", r => r.BestOf is not null),
        new("decoder_input_details", TgiApi.Generate, "decoder_input_details exists only on /generate", r => r.DecoderInputDetails is not null),
        new("return_full_text", TgiApi.Generate, "return_full_text exists only on /generate", r => r.ReturnFullText is not null),
        new("watermark", TgiApi.Generate, "watermark exists only on /generate", r => r.Watermark is not null),
        new("adapter_id", TgiApi.Generate, "adapter_id exists only on /generate", r => r.AdapterId is not null),
        new("top_k", TgiApi.Generate, "top_k exists only on /generate", r => r.TopK is not null),
        new("typical_p", TgiApi.Generate, "typical_p exists only on /generate", r => r.TypicalP is not null),
        new("do_sample", TgiApi.Generate, "do_sample exists only on /generate", r => r.DoSample is not null),
        new("truncate", TgiApi.Generate, "truncate exists only on /generate", r => r.Truncate is not null),

        // Either API: follows the request's form.
        new("grammar", null, "a grammar is parameters.grammar on /generate and response_format on chat", r => r.Grammar is not null),
        new("prompt", TgiApi.Generate, "a raw prompt goes to /generate unless a chat-only feature is set", r => r.Prompt is not null),
    ];

    /// <summary>Picks the route for a request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="streaming">Whether the caller streams.</param>
    /// <returns>The route.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The request sets neither or both of a prompt and messages, or mixes chat-only and <c>/generate</c>-only features.
    /// </exception>
    public static TgiRoute Resolve(TgiRequest request, bool streaming)
    {
        ArgumentNullException.ThrowIfNull(request);
        bool hasPrompt = request.Prompt is not null;
        bool hasMessages = request.Messages.Count > 0;
        if (hasPrompt == hasMessages)
        {
            throw new ArgumentException(
                hasPrompt
                    ? "Set either TgiRequest.Prompt (sent to /generate) or TgiRequest.Messages (sent to /v1/chat/completions), not both."
                    : "Set TgiRequest.Prompt (a raw prompt, sent to /generate) or TgiRequest.Messages (sent to /v1/chat/completions).",
                nameof(request));
        }

        List<string> features = [];
        List<string> chatOnly = [];
        List<string> generateOnly = [];
        foreach (TgiRouteRule rule in Rules)
        {
            if (!rule.Matches(request))
            {
                continue;
            }

            features.Add(rule.Feature);
            if (rule.Requires == TgiApi.ChatCompletions)
            {
                chatOnly.Add(rule.Feature);
            }
            else if (rule.Requires == TgiApi.Generate && rule.Feature != "prompt")
            {
                generateOnly.Add(rule.Feature);
            }
        }

        if (chatOnly.Count > 0 && generateOnly.Count > 0)
        {
            throw new ArgumentException(
                $"The request mixes chat-only features ({string.Join(", ", chatOnly)}) with /generate-only features ({string.Join(", ", generateOnly)}); "
                + "TGI has no route that takes both. Use a raw prompt without tools or response_format for /generate, or drop the /generate-only options for chat.",
                nameof(request));
        }

        return new TgiRoute(chatOnly.Count > 0 ? TgiApi.ChatCompletions : TgiApi.Generate, streaming, features);
    }
}
