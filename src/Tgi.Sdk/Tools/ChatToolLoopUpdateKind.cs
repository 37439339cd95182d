// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Chat;

/// <summary>What a <see cref="ChatToolLoopUpdate"/> reports.</summary>
public enum ChatToolLoopUpdateKind
{
    /// <summary>A piece of the model's text (<see cref="ChatToolLoopUpdate.ContentDelta"/>).</summary>
    ContentDelta,

    /// <summary>The model called a tool (<see cref="ChatToolLoopUpdate.ToolCall"/>); the handler runs next.</summary>
    ToolCall,

    /// <summary>A tool's handler returned (<see cref="ChatToolLoopUpdate.ToolCall"/> and <see cref="ChatToolLoopUpdate.ToolResult"/>).</summary>
    ToolResult,

    /// <summary>The loop is done (<see cref="ChatToolLoopUpdate.Result"/>); always the last update.</summary>
    Completed,
}
