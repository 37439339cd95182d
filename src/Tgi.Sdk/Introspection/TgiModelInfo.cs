// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Introspection;

/// <summary>A served model, from <c>GET /v1/models</c>.</summary>
public sealed class TgiModelInfo
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="id">The model id.</param>
    /// <param name="ownedBy">The owner (TGI repeats the model id).</param>
    /// <param name="created">The creation time in Unix seconds (TGI sends 0).</param>
    public TgiModelInfo(string id, string? ownedBy, long created)
    {
        Id = id ?? string.Empty;
        OwnedBy = ownedBy;
        CreatedUnixSeconds = created;
    }

    /// <summary>Gets the model id.</summary>
    public string Id { get; }

    /// <summary>Gets the owner.</summary>
    public string? OwnedBy { get; }

    /// <summary>Gets the creation time in Unix seconds.</summary>
    public long CreatedUnixSeconds { get; }
}
