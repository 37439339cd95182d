// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Globalization;

namespace Tgi.Sdk.Testing;

/// <summary>
/// Every wire difference between TGI versions that the emulator reproduces, derived once from the wire version and the
/// reported version (clamped into the wire version's range). Each flag names the TGI behaviour it follows.
/// </summary>
internal sealed class WireProfile
{
    private WireProfile(TgiWireVersion wire, Version version, string versionText)
    {
        Wire = wire;
        Version = version;
        VersionText = versionText;

        // TGI: §4 framing, axum 0.7 (≥2.1.0) writes "data: ", axum 0.6 wrote "data:".
        SpaceAfterData = version >= new Version(2, 1, 0);

        // TGI: §5.5 "object was text_completion for chat before 2.1.0".
        ChatObject = version >= new Version(2, 1, 0) ? "chat.completion" : "text_completion";
        ChatChunkObject = version >= new Version(2, 1, 0) ? "chat.completion.chunk" : "text_completion";

        // TGI: §5.2 finish_reason "stop" for EOS ≥2.3; ≤2.2 it was "eos_token".
        ChatEosFinishReason = version >= new Version(2, 3, 0) ? "stop" : "eos_token";

        // TGI 1.4 captures: id before object, and no usage key on stream chunks.
        ChatIdBeforeObject = wire == TgiWireVersion.V2_0;

        // TGI: §5.3 usage placement by version.
        UsagePlacement = version >= new Version(3, 2, 0) ? UsagePlacement.SeparateChunk
            : version >= new Version(2, 3, 0) ? UsagePlacement.LastContentChunk
            : UsagePlacement.None;

        // TGI: §5.5 history table.
        ToolCallShape = version >= new Version(3, 2, 0) ? ToolCallShape.ArgumentsString
            : version >= new Version(2, 0, 4) ? ToolCallShape.StringIdArgumentsObject
            : version >= new Version(2, 0, 1) ? ToolCallShape.IntegerIdArgumentsObject
            : ToolCallShape.NamedToolsWithParameters;
        StreamToolCallsAsObject = version < new Version(3, 2, 0);
        NoTool = version >= new Version(3, 2, 0) ? NoToolBehaviour.NoToolRegenerate
            : version >= new Version(2, 4, 0) ? NoToolBehaviour.NoToolContent
            : version >= new Version(2, 0, 1) ? NoToolBehaviour.NotifyError
            : NoToolBehaviour.None;
        RequiredToolChoice = version >= new Version(2, 4, 1);

        // TGI: §5.5 the named-tool object form {"function":{"name"}} is accepted since 1.4.5.
        ObjectToolChoice = version >= new Version(1, 4, 5);

        // TGI: §12 up to 2.1.x tools without a tool_choice are ignored (tools.zip(tool_choice)): a plain answer.
        ToolsNeedToolChoice = version < new Version(2, 2, 0);

        // TGI: §12 ≤2.0.0 an unknown tool name (and "required") is {"error":"Tool choice not found in tool names","error_type":"Tool not found"}.
        LegacyToolNotFound = version < new Version(2, 0, 1);

        // TGI: §12 before 2.3.0 tool output that is not JSON is the raw serde message typed "Input validation error".
        LegacyToolParseError = version < new Version(2, 3, 0);

        // TGI: §12 chat response_format does not exist in 1.4.x–2.0.x (ignored).
        ResponseFormat = version >= new Version(2, 1, 0);

        // TGI: §12 chat temperature 0 is greedy from 2.0.2; before, it reaches validation as "strictly positive".
        ChatGreedyAtZeroTemperature = version >= new Version(2, 0, 2);

        // TGI: §12 ≤2.0.3 a replayed tool call needs a u32 id and the function's parameters.
        LegacyReplayedToolCalls = version < new Version(2, 0, 4);

        // TGI: §12 2.0.4–3.1.0 a message needs content (tool_calls unknown); 3.1.1 made content optional with tool_calls.
        MessageContentRequired = version >= new Version(2, 0, 4) && version < new Version(3, 1, 1);

        // TGI: §12 max_completion_tokens is an alias of max_tokens from 3.0.2 (ignored before).
        MaxCompletionTokens = version >= new Version(3, 0, 2);

        // TGI: §12 completions 2.0.0–2.0.3: streams end without a final chunk, usage or [DONE]; no stop field.
        LegacyCompletionStream = version < new Version(2, 0, 4);
        CompletionStop = version >= new Version(2, 0, 4);

        // TGI: §12 /v1/models exists from 2.3.0 (404 before).
        ModelsRoute = version >= new Version(2, 3, 0);

        // TGI: §5.3 the OpenAI-style in-stream error is ≥2.4.1; before, {"error","error_type"}.
        OpenAiStreamErrors = version >= new Version(2, 4, 1);

        // TGI 1.4 captures end chat streams without [DONE] and send StreamDetails without input_length.
        DoneSentinel = wire != TgiWireVersion.V2_0;

        // TGI: §12 a non-stream chat asked for logprobs without top_logprobs answered "logprobs":{"content":[]} in 1.4.3
        // and 1.4.4 (tokens zipped with the empty top tokens); 1.4.5 fixed it.
        EmptyNonStreamLogprobs = version < new Version(1, 4, 5);
        StreamDetailsInputLength = wire != TgiWireVersion.V2_0;

        // TGI: §5.1 model echoed since 3.0; continue_final_message since 3.0; max tokens default 100 until 2.4.1.
        EchoModel = version >= new Version(3, 0, 0);
        ContinueFinalAssistantMessage = version >= new Version(3, 0, 0);
        DefaultMaxNewTokens = version >= new Version(3, 0, 0) ? null : 100;

        // TGI: §8 Info history.
        InfoMaxInputLength = version < new Version(2, 1, 0);
        InfoLegacyFields = version < new Version(2, 3, 0);

        // TGI: §5.1 stream_options ≥2.3; a non-nullable struct ≥3.2.
        StreamOptionsNullRejected = version >= new Version(3, 2, 0);

        // TGI: §7 json_schema grammar type ≥3.3.0.
        JsonSchemaGrammar = version >= new Version(3, 3, 0);

        // TGI: §5.1 model is required ≤2.1.
        ModelRequired = version < new Version(2, 2, 0);
    }

    public TgiWireVersion Wire { get; }

    public Version Version { get; }

    public string VersionText { get; }

    public bool SpaceAfterData { get; }

    public string ChatObject { get; }

    public string ChatChunkObject { get; }

    public string ChatEosFinishReason { get; }

    public bool ChatIdBeforeObject { get; }

    public UsagePlacement UsagePlacement { get; }

    public ToolCallShape ToolCallShape { get; }

    public bool StreamToolCallsAsObject { get; }

    public NoToolBehaviour NoTool { get; }

    public bool RequiredToolChoice { get; }

    public bool ObjectToolChoice { get; }

    public bool ToolsNeedToolChoice { get; }

    public bool LegacyToolNotFound { get; }

    public bool LegacyToolParseError { get; }

    public bool ResponseFormat { get; }

    public bool ChatGreedyAtZeroTemperature { get; }

    public bool LegacyReplayedToolCalls { get; }

    public bool MessageContentRequired { get; }

    public bool MaxCompletionTokens { get; }

    public bool LegacyCompletionStream { get; }

    public bool CompletionStop { get; }

    public bool ModelsRoute { get; }

    public bool OpenAiStreamErrors { get; }

    public bool DoneSentinel { get; }

    public bool EmptyNonStreamLogprobs { get; }

    public bool StreamDetailsInputLength { get; }

    public bool EchoModel { get; }

    public bool ContinueFinalAssistantMessage { get; }

    public int? DefaultMaxNewTokens { get; }

    public bool InfoMaxInputLength { get; }

    public bool InfoLegacyFields { get; }

    public bool StreamOptionsNullRejected { get; }

    public bool JsonSchemaGrammar { get; }

    public bool ModelRequired { get; }

    public static WireProfile Create(TgiWireVersion wire, string? versionText)
    {
        (Version low, Version high, string preset) = wire switch
        {
            TgiWireVersion.V2_0 => (new Version(1, 4, 3), new Version(2, 0, 3), "2.0.0"),
            TgiWireVersion.V2_4 => (new Version(2, 0, 4), new Version(3, 1, 999), "2.4.1"),
            _ => (new Version(3, 2, 0), new Version(3, 3, 999), "3.3.6-dev0"),
        };

        string text = string.IsNullOrWhiteSpace(versionText) ? preset : versionText;
        Version parsed = TryParse(text) ?? TryParse(preset)!;
        Version effective = parsed < low ? low : parsed > high ? high : parsed;
        return new WireProfile(wire, effective, text);
    }

    private static Version? TryParse(string text)
    {
        int end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }

        string[] parts = text[..end].Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return null;
        }

        int Part(int i) => i < parts.Length ? int.Parse(parts[i], CultureInfo.InvariantCulture) : 0;

        // A "-dev" build is the branch heading to the next release and already carries its wire changes
        // (TGI 3.1.2-dev0 sent 3.2's separate usage chunk; 2.2.1-dev0 sent 2.3's usage on the last chunk).
        return text[end..].StartsWith("-dev", StringComparison.Ordinal)
            ? new Version(Part(0), Part(1) + 1, 0)
            : new Version(Part(0), Part(1), Part(2));
    }
}
