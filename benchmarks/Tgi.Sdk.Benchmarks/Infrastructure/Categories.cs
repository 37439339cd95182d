// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Benchmarks.Infrastructure;

/// <summary>Benchmark categories: one per stream kind or call, so each baseline compares like with like.</summary>
internal static class Categories
{
    public const string InMemory = "in-memory";
    public const string Loopback = "loopback";
    public const string GenerateStream = "generate_stream";
    public const string ChatStream = "chat stream";
    public const string FirstToken = "first token";
    public const string Generate = "generate";
    public const string Chat = "chat";
}
