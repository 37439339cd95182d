// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

namespace Tgi.Sdk.Streaming;

/// <summary>
/// The top-level fields every OpenAI-style stream chunk shares (chat and completions), read by
/// <see cref="ChunkEnvelopeReader"/> while the route's handler reads its own <c>choices</c>.
/// </summary>
internal struct ChunkEnvelope
{
    public string? Id;
    public string? Model;
    public string? SystemFingerprint;
    public long Created;
    public TokenUsage? Usage;
    public InBandError Error;
}
