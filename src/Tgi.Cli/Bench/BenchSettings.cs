// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Cli.Bench;

/// <summary>What <c>tgi bench</c> runs.</summary>
internal sealed class BenchSettings
{
    /// <summary>The duration used when neither a duration nor a request count is given.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(10);

    /// <summary>Gets the number of concurrent streams.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Gets how long to run, or null.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Gets how many requests to send, or null.</summary>
    public int? Requests { get; init; }

    /// <summary>Gets <c>max_new_tokens</c> (or <c>max_tokens</c> for chat).</summary>
    public int MaxNewTokens { get; init; } = 64;

    /// <summary>Gets the prompt.</summary>
    public string Prompt { get; init; } = "Write a short story about a lighthouse keeper.";

    /// <summary>Gets the route.</summary>
    public BenchRoute Route { get; init; } = BenchRoute.Generate;

    /// <summary>Gets the chat <c>model</c> field (TGI 2.1 and older require it), or null.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the effective duration limit: the given one, or the default when no request count is given.</summary>
    public TimeSpan? EffectiveDuration => Duration ?? (Requests is null ? DefaultDuration : null);
}
