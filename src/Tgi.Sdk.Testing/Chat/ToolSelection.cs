// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>
/// Which functions the tool grammar allows: none → no grammar and no rendering; required → the user
/// tools; a name → that tool; auto → the user tools plus the hidden <c>no_tool</c> (2.0.1–2.3: <c>notify_error</c>).
/// </summary>
internal sealed class ToolSelection
{
    private static readonly JsonElement s_noToolSchema = Parse(
        """{"type":"object","properties":{"content":{"type":"string","description":"The response content"}},"required":["content"]}""");

    private static readonly JsonElement s_notifyErrorSchema = Parse(
        """{"type":"object","properties":{"error":{"type":"string","description":"The error or issue to notify"}},"required":["error"]}""");

    private ToolSelection(IReadOnlyList<TgiRequestedTool> grammarTools, IReadOnlyList<TgiRequestedTool> renderedTools)
    {
        GrammarTools = grammarTools;
        RenderedTools = renderedTools;
    }

    /// <summary>Gets the functions the output must call; empty when no tool grammar applies.</summary>
    public IReadOnlyList<TgiRequestedTool> GrammarTools { get; }

    /// <summary>Gets the tools rendered into the prompt.</summary>
    public IReadOnlyList<TgiRequestedTool> RenderedTools { get; }

    public bool Active => GrammarTools.Count > 0;

    public static ToolSelection Select(ChatRequest request, WireProfile profile)
    {
        // TGI: §12 up to 2.1.x tools only apply with a tool_choice (tools.zip(tool_choice)); without one they are not rendered.
        if (request.Tools is null || (request.ToolChoice is null && profile.ToolsNeedToolChoice))
        {
            return new ToolSelection([], []);
        }

        string choice = request.ToolChoice ?? "auto";
        if (request.ToolChoiceIsObject)
        {
            return new ToolSelection([Find(request.Tools, choice, profile)], request.Tools);
        }

        switch (choice)
        {
            case "none":
                return new ToolSelection([], []);
            case "auto":
                var tools = new List<TgiRequestedTool>(request.Tools);
                switch (profile.NoTool)
                {
                    case NoToolBehaviour.NoToolContent or NoToolBehaviour.NoToolRegenerate:
                        tools.Add(new TgiRequestedTool(ToolCallText.NoToolName, "Open ended response with no specific tool selected", s_noToolSchema));
                        break;
                    case NoToolBehaviour.NotifyError:
                        tools.Insert(0, new TgiRequestedTool(ToolCallText.NotifyErrorName, "Notify an error or issue", s_notifyErrorSchema));
                        break;
                }

                return new ToolSelection(tools, request.Tools);
            case "required" when profile.RequiredToolChoice:
                return new ToolSelection(request.Tools, request.Tools);
            default:
                // TGI: any other string is a function name (before 2.4.1 "required" too).
                return new ToolSelection([Find(request.Tools, choice, profile)], request.Tools);
        }
    }

    private static TgiRequestedTool Find(List<TgiRequestedTool> tools, string name, WireProfile profile) =>
        tools.Find(tool => tool.Name == name) ?? throw (profile.LegacyToolNotFound
            ? new TgiError(422, "Tool not found", "Tool choice not found in tool names") // TGI: §12 ≤2.0.0 text.
            : TgiError.Tool($"Tool with name {name} not found"));

    private static JsonElement Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
