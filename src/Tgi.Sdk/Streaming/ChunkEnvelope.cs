// Copyright (c) Tgi.Sdk contributors.
// Licensed under the MIT License.

using Tgi.Sdk.Internal;

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
    public bool IsError;
    public string? ErrorMessage;
    public string? ErrorType;
    public int? ErrorStatus;

    /// <summary>Throws the in-band error the chunk carried, if it carried one.</summary>
    /// <param name="data">The event's bytes, kept as the exception's raw body.</param>
    public readonly void ThrowIfError(ReadOnlySpan<byte> data)
    {
        if (IsError)
        {
            // TGI: {"error":{"message","http_status_code":422}} since 2.4.1, {"error","error_type"} before (API.md §5.3).
            ThrowHelper.ThrowInBandError(TgiErrors.FromEvent(ErrorMessage, ErrorType, ErrorStatus, data));
        }
    }
}
