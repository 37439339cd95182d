// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Testing;

/// <summary>Settings of a <see cref="TgiEmulator"/>.</summary>
/// <remarks>
/// The port, wire version, version and docker label are fixed when the emulator starts; the other settings are read
/// per request, so a test may, for example, swap <see cref="Generator"/> between requests.
/// </remarks>
public sealed class TgiEmulatorOptions
{
    /// <summary>Gets or sets the served model id (<c>/info</c>, <c>/v1/models</c>, chat <c>model</c>).</summary>
    public string ModelId { get; set; } = "tgi-emulator/tiny-llama";

    /// <summary>Gets or sets the TGI wire format to speak. Defaults to <see cref="TgiWireVersion.V3_3"/>.</summary>
    public TgiWireVersion WireVersion { get; set; } = TgiWireVersion.V3_3;

    /// <summary>
    /// Gets or sets the TGI version reported by <c>/info</c> and in <c>system_fingerprint</c>. When null, a version typical
    /// of <see cref="WireVersion"/> is used (2.0.0, 2.4.1 or 3.3.6-dev0). A finer version (for example 2.0.1, 2.2.0 or
    /// 3.1.1) also selects the smaller wire differences TGI has inside a range, clamped to the range.
    /// </summary>
    public string? Version { get; set; }

    /// <summary>Gets or sets the docker label; <c>system_fingerprint</c> is <c>"&lt;version&gt;-&lt;label&gt;"</c> (TGI: "native" when none).</summary>
    public string? DockerLabel { get; set; }

    /// <summary>Gets or sets the API key. When set, generation routes need <c>Authorization: Bearer &lt;key&gt;</c>, else an empty 401.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets the largest prompt in tokens (<c>max_input_tokens</c>). Defaults to 32,767.</summary>
    public int MaxInputTokens { get; set; } = 32_767;

    /// <summary>
    /// Gets or sets the largest prompt plus new tokens (<c>max_total_tokens</c>). Defaults to 32,768, roomy enough for
    /// long benchmark streams; generation stops with <c>length</c> when the context is full, as TGI's does.
    /// </summary>
    public int MaxTotalTokens { get; set; } = 32_768;

    /// <summary>Gets or sets the largest <c>best_of</c> (TGI default 2).</summary>
    public int MaxBestOf { get; set; } = 2;

    /// <summary>Gets or sets the most stop sequences a request may send (TGI default 4).</summary>
    public int MaxStopSequences { get; set; } = 4;

    /// <summary>Gets or sets the largest <c>top_n_tokens</c> (TGI default 5).</summary>
    public int MaxTopNTokens { get; set; } = 5;

    /// <summary>Gets or sets the most prompts in one <c>/v1/completions</c> request (TGI default 4).</summary>
    public int MaxClientBatchSize { get; set; } = 4;

    /// <summary>Gets or sets <c>max_concurrent_requests</c> shown by <c>/info</c>; more requests in flight get 429 overloaded.</summary>
    public int MaxConcurrentRequests { get; set; } = 128;

    /// <summary>Gets or sets the loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Gets or sets the model. Defaults to <see cref="TgiGenerator.Default"/>, a cheap deterministic generator.</summary>
    public TgiGenerator Generator { get; set; } = TgiGenerator.Default;

    /// <summary>Gets or sets the silence after which a stream gets the <c>:</c> keep-alive comment (TGI: 15 s).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets the clock behind <c>created</c> timestamps; a fixed clock makes responses byte-for-byte stable.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the value of the <c>x-compute-type</c> header (TGI: env <c>COMPUTE_TYPE</c>, default <c>gpu+optimized</c>).</summary>
    public string ComputeType { get; set; } = "gpu+optimized";

    /// <summary>Gets or sets <c>model_pipeline_tag</c>; <c>text-generation</c> (or null) makes POST / default to return_full_text.</summary>
    public string? ModelPipelineTag { get; set; } = "text-generation";

    /// <summary>Gets or sets whether grammar, response_format and tools are accepted (TGI <c>--disable-grammar-support</c> when false).</summary>
    public bool GrammarSupport { get; set; } = true;

    /// <summary>Gets or sets whether the model has a chat template; without one the chat routes answer 422 template_error.</summary>
    public bool HasChatTemplate { get; set; } = true;

    /// <summary>
    /// Gets or sets how many SSE events are written before the response is flushed. 1 (the default) flushes every event,
    /// as TGI does; a larger value batches writes for throughput benchmarks.
    /// </summary>
    public int FlushEveryEvents { get; set; } = 1;

    /// <summary>Gets or sets the request body limit in bytes (TGI <c>payload_limit</c>, default 2,000,000).</summary>
    public int PayloadLimit { get; set; } = 2_000_000;
}
