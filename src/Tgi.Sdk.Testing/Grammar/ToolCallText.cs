// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text;

namespace Tgi.Sdk.Testing;

/// <summary>
/// The text a model writes under TGI's tool grammar: <c>{"function": {"_name": "NAME", ...arguments}}</c>
/// (router <c>infer/tool_grammar.rs</c>). The hidden <c>no_tool</c> function carries <c>content</c>.
/// </summary>
internal static class ToolCallText
{
    public const string NoToolName = "no_tool";
    public const string NotifyErrorName = "notify_error";

    /// <param name="tools">The functions the grammar allows.</param>
    /// <param name="hash">The prompt's hash, for the arguments.</param>
    /// <param name="decline">True to pick the hidden no_tool / notify_error function when the grammar has one.</param>
    public static string Build(IReadOnlyList<TgiRequestedTool> tools, uint hash, bool decline = false)
    {
        bool canDecline = false;
        TgiRequestedTool? chosen = null;
        foreach (TgiRequestedTool tool in tools)
        {
            if (tool.Name is NoToolName or NotifyErrorName)
            {
                canDecline = true;
            }
            else
            {
                chosen ??= tool;
            }
        }

        if (decline && canDecline)
        {
            chosen = null;
        }

        var builder = new StringBuilder("{\"function\": {\"_name\": ");
        if (chosen is null)
        {
            // TGI 3.2+: a no_tool pick triggers a plain second generation; older versions return this content.
            bool notify = tools.Any(tool => tool.Name == NotifyErrorName);
            JsonSchemaSampler.AppendString(builder, notify ? NotifyErrorName : NoToolName);
            builder.Append(notify ? ", \"error\": " : ", \"content\": ");
            JsonSchemaSampler.AppendString(builder, "I am an emulated assistant.");
        }
        else
        {
            JsonSchemaSampler.AppendString(builder, chosen.Name);
            JsonSchemaSampler.WriteMembers(builder, chosen.Parameters, hash, leadingSeparator: true);
        }

        builder.Append("}}");
        return builder.ToString();
    }
}
