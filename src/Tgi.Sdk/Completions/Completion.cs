// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Completions;

/// <summary>The result of <c>/v1/completions</c>: one choice per prompt, in prompt order.</summary>
public sealed class Completion
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="id">The id.</param>
    /// <param name="model">The model.</param>
    /// <param name="created">The creation time.</param>
    /// <param name="systemFingerprint">The system fingerprint.</param>
    /// <param name="choices">The choices, one per prompt.</param>
    /// <param name="usage">The token counts, summed over the prompts.</param>
    public Completion(string id, string model, DateTimeOffset created, string? systemFingerprint, IReadOnlyList<CompletionChoice> choices, TokenUsage? usage)
    {
        Id = id ?? string.Empty;
        Model = model ?? string.Empty;
        Created = created;
        SystemFingerprint = systemFingerprint;
        Choices = choices ?? [];
        Usage = usage;
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }

    /// <summary>Gets the model.</summary>
    public string Model { get; }

    /// <summary>Gets the creation time.</summary>
    public DateTimeOffset Created { get; }

    /// <summary>Gets the system fingerprint.</summary>
    public string? SystemFingerprint { get; }

    /// <summary>Gets the choices, sorted by prompt index (TGI may send them out of order).</summary>
    public IReadOnlyList<CompletionChoice> Choices { get; }

    /// <summary>Gets the token counts, summed over all prompts.</summary>
    public TokenUsage? Usage { get; }
}
