// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>What a <see cref="TgiGenerator"/> is asked to continue, as TGI's router would hand it to the model.</summary>
public sealed class TgiGenerationRequest
{
    internal TgiGenerationRequest(string route, string prompt, int promptTokenCount)
    {
        Route = route;
        Prompt = prompt;
        PromptTokenCount = promptTokenCount;
    }

    /// <summary>Gets the route that asked, for example <c>/generate</c> or <c>/v1/chat/completions</c>.</summary>
    public string Route { get; }

    /// <summary>Gets the prompt: <c>inputs</c>, a completions prompt, or the chat template applied to the messages.</summary>
    public string Prompt { get; }

    /// <summary>Gets the prompt length in the emulator's tokens (after <c>truncate</c>).</summary>
    public int PromptTokenCount { get; }

    /// <summary>Gets the chat messages (empty for the native routes).</summary>
    public IReadOnlyList<TgiChatMessage> Messages { get; init; } = [];

    /// <summary>Gets <c>max_new_tokens</c> / <c>max_tokens</c> (null: until EOS or the context is full).</summary>
    public int? MaxNewTokens { get; init; }

    /// <summary>Gets the stop sequences.</summary>
    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>Gets the seed the request sent, if any.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Gets a value indicating whether the request samples (do_sample, or a temperature/top_k/top_p/typical_p).</summary>
    public bool DoSample { get; init; }

    /// <summary>Gets the temperature, if sent.</summary>
    public float? Temperature { get; init; }

    /// <summary>Gets the output constraint from <c>grammar</c> or <c>response_format</c>, if any.</summary>
    public TgiRequestedGrammar? Grammar { get; init; }

    /// <summary>
    /// Gets the functions the output must call, when the tool grammar is active (tools with tool_choice auto, required or
    /// a name). In auto mode TGI adds the hidden <c>no_tool</c> function (2.0.1–2.3: <c>notify_error</c>). Empty otherwise.
    /// </summary>
    public IReadOnlyList<TgiRequestedTool> ToolGrammar { get; init; } = [];

    /// <summary>Gets which of <c>best_of</c> sequences this is (0 for the first).</summary>
    public int SequenceIndex { get; init; }
}
