// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Introspection;

/// <summary>What a TGI server serves and its limits (<c>GET /info</c>).</summary>
public sealed class TgiInfo
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="modelSha">The model revision.</param>
    /// <param name="modelPipelineTag">The hub pipeline tag.</param>
    /// <param name="maxConcurrentRequests">The concurrent request limit.</param>
    /// <param name="maxBestOf">The best_of limit.</param>
    /// <param name="maxStopSequences">The stop sequence limit.</param>
    /// <param name="maxInputTokens">The input token limit.</param>
    /// <param name="maxTotalTokens">The input plus output token limit.</param>
    /// <param name="validationWorkers">The number of validation workers.</param>
    /// <param name="maxClientBatchSize">The completions batch limit.</param>
    /// <param name="router">The router name.</param>
    /// <param name="version">The TGI version.</param>
    /// <param name="sha">The TGI commit.</param>
    /// <param name="dockerLabel">The Docker label.</param>
    public TgiInfo(
        string modelId,
        string? modelSha,
        string? modelPipelineTag,
        int maxConcurrentRequests,
        int maxBestOf,
        int maxStopSequences,
        int maxInputTokens,
        int maxTotalTokens,
        int validationWorkers,
        int maxClientBatchSize,
        string? router,
        string? version,
        string? sha,
        string? dockerLabel)
    {
        ModelId = modelId ?? string.Empty;
        ModelSha = modelSha;
        ModelPipelineTag = modelPipelineTag;
        MaxConcurrentRequests = maxConcurrentRequests;
        MaxBestOf = maxBestOf;
        MaxStopSequences = maxStopSequences;
        MaxInputTokens = maxInputTokens;
        MaxTotalTokens = maxTotalTokens;
        ValidationWorkers = validationWorkers;
        MaxClientBatchSize = maxClientBatchSize;
        Router = router;
        Version = version;
        Sha = sha;
        DockerLabel = dockerLabel;
    }

    /// <summary>Gets the model id.</summary>
    public string ModelId { get; }

    /// <summary>Gets the model revision.</summary>
    public string? ModelSha { get; }

    /// <summary>Gets the hub pipeline tag (decides <c>return_full_text</c>'s default on the compat route).</summary>
    public string? ModelPipelineTag { get; }

    /// <summary>Gets the concurrent request limit (more are rejected with 429 <c>overloaded</c>).</summary>
    public int MaxConcurrentRequests { get; }

    /// <summary>Gets the <c>best_of</c> limit.</summary>
    public int MaxBestOf { get; }

    /// <summary>Gets the stop sequence limit.</summary>
    public int MaxStopSequences { get; }

    /// <summary>Gets the input token limit (<c>max_input_tokens</c>, or <c>max_input_length</c> on ≤2.0).</summary>
    public int MaxInputTokens { get; }

    /// <summary>Gets the input plus output token limit.</summary>
    public int MaxTotalTokens { get; }

    /// <summary>Gets the number of validation workers.</summary>
    public int ValidationWorkers { get; }

    /// <summary>Gets the completions batch limit.</summary>
    public int MaxClientBatchSize { get; }

    /// <summary>Gets the router name.</summary>
    public string? Router { get; }

    /// <summary>Gets the TGI version, for example <c>3.3.6-dev0</c>.</summary>
    public string? Version { get; }

    /// <summary>Gets the TGI commit.</summary>
    public string? Sha { get; }

    /// <summary>Gets the Docker label.</summary>
    public string? DockerLabel { get; }
}
