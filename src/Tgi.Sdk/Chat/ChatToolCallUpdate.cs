// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Chat;

/// <summary>A fragment of a streamed tool call. Concatenate <see cref="ArgumentsDelta"/> per <see cref="Index"/>, then parse.</summary>
/// <remarks>
/// TGI ≥3.2 sends an array with the name on the first fragment and clean argument fragments; 2.0.4–3.1 sent a single
/// object with <c>id:""</c>, <c>name:null</c> and the whole grammar JSON as arguments.
/// </remarks>
public sealed class ChatToolCallUpdate
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="index">The index of the call.</param>
    /// <param name="id">The id, on the first fragment.</param>
    /// <param name="functionName">The function name, on the first fragment.</param>
    /// <param name="argumentsDelta">The next piece of the arguments text.</param>
    public ChatToolCallUpdate(int index, string? id, string? functionName, string? argumentsDelta)
    {
        Index = index;
        Id = id;
        FunctionName = functionName;
        ArgumentsDelta = argumentsDelta;
    }

    /// <summary>Gets the index of the call this fragment belongs to.</summary>
    public int Index { get; }

    /// <summary>Gets the call id (first fragment only; empty or absent on old servers).</summary>
    public string? Id { get; }

    /// <summary>Gets the function name (first fragment only on ≥3.2; null on older servers).</summary>
    public string? FunctionName { get; }

    /// <summary>Gets the next piece of the arguments text.</summary>
    public string? ArgumentsDelta { get; }
}
