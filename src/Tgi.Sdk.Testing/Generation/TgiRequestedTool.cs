// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using System.Text.Json;

namespace Tgi.Sdk.Testing;

/// <summary>A function tool offered by a chat request (<c>tools[].function</c>).</summary>
public sealed class TgiRequestedTool
{
    internal TgiRequestedTool(string name, string? description, JsonElement parameters)
    {
        Name = name;
        Description = description;
        Parameters = parameters;
    }

    /// <summary>Gets the function name.</summary>
    public string Name { get; }

    /// <summary>Gets the description, if any.</summary>
    public string? Description { get; }

    /// <summary>Gets the JSON schema of the arguments (<c>parameters</c> or <c>arguments</c> in the request).</summary>
    public JsonElement Parameters { get; }
}
