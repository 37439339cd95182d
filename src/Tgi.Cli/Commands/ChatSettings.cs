// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Chat;

namespace Tgi.Cli.Commands;

/// <summary>What <c>tgi chat</c> sends.</summary>
internal sealed class ChatSettings
{
    /// <summary>Gets the one-shot message, or null for the interactive loop.</summary>
    public string? Message { get; init; }

    /// <summary>Gets the system prompt, or null.</summary>
    public string? System { get; init; }

    /// <summary>Gets the tools the model may call.</summary>
    public IReadOnlyList<ChatTool> Tools { get; init; } = [];

    /// <summary>Gets the tool choice, or null for TGI's default (auto).</summary>
    public ChatToolChoice? ToolChoice { get; init; }

    /// <summary>Gets <c>max_tokens</c>.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Gets <c>temperature</c>.</summary>
    public float? Temperature { get; init; }

    /// <summary>Gets <c>seed</c>.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Gets the <c>model</c> field, or null.</summary>
    public string? Model { get; init; }

    /// <summary>Creates the request options.</summary>
    /// <returns>The options.</returns>
    public ChatCompletionOptions ToOptions()
    {
        var options = new ChatCompletionOptions { Model = Model, MaxTokens = MaxTokens, Temperature = Temperature, Seed = Seed, ToolChoice = ToolChoice };
        foreach (ChatTool tool in Tools)
        {
            options.Tools.Add(tool);
        }

        return options;
    }
}
